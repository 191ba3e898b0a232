using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Outbox;

namespace RuleSuspension.Server.Email;

/// <summary>
/// One round of email: each due suspension, warning and lift becomes one plain-text email to the customer's account
/// managers (none: nothing is sent). The customer's ordinary users are never mailed; what they are told is held back
/// through the access API (<c>notificationsPaused</c>). At least once, like the webhooks; the
/// <c>X-RuleSuspension-Message-Id</c> header carries the outbox id.
/// </summary>
internal sealed class EmailDelivery(RuleSuspensionDb db, SmtpSettings settings, TimeProvider clock, ILogger<EmailDelivery> log)
    : OutboxDelivery(db, clock, log)
{
    /// <summary>The notifications the account managers hear of.</summary>
    public static readonly IReadOnlyList<string> EmailedTypes = ["customer.suspended", "customer.warned", "customer.reactivated"];

    protected override OutboxChannel Channel => OutboxChannel.Email;

    protected override OutboxDeliverySettings Settings => settings;

    protected override IReadOnlyList<string> Types => EmailedTypes;

    protected override TimeSpan LongestSend => settings.Timeout;

    protected override async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var customer = await Db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken);
        var recipients = (customer?.AccountManagers ?? [])
            .Select(m => MailAddress.TryCreate(m, out var address) ? address : null)
            .OfType<MailAddress>()
            .ToList();
        if (recipients.Count == 0)
        {
            return SendOutcome.Nothing;
        }

        var data = JsonNode.Parse(message.Payload) as JsonObject ?? [];
        var suspension = Guid.TryParse(Text(data, "suspensionId"), out var suspensionId)
            ? await Db.Suspensions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == suspensionId, cancellationToken)
            : null;
        var (subject, body) = Compose(message, customer!.Name, data, suspension);

        using var mail = new MailMessage { From = new MailAddress(settings.From), Subject = subject, Body = body, IsBodyHtml = false };
        foreach (var recipient in recipients)
        {
            mail.To.Add(recipient);
        }

        mail.Headers.Add("X-RuleSuspension-Message-Id", message.Id.ToString());
        using var client = new SmtpClient(settings.Host, settings.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = settings.EnableSsl,
            Timeout = (int)Math.Min(int.MaxValue, settings.Timeout.TotalMilliseconds),
        };
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            client.Credentials = new NetworkCredential(settings.UserName, settings.Password);
        }

        try
        {
            await client.SendMailAsync(mail, cancellationToken);
            return SendOutcome.Sent;
        }
        catch (Exception e) when (e is SmtpException or IOException or SocketException or InvalidOperationException)
        {
            return SendOutcome.Failed($"{settings.Host}:{settings.Port}: {e.Message}" + (e.InnerException is { } inner ? $" ({inner.Message})" : string.Empty));
        }
    }

    /// <summary>Subject and plain-text body: the customer, what happened, the reason, and who decided or lifted.</summary>
    internal static (string Subject, string Body) Compose(OutboxMessage message, string customerName, JsonObject data, Suspension? suspension)
    {
        var reasonCode = Text(data, "reasonCode") ?? suspension?.ReasonCode;
        var what = message.Type switch
        {
            "customer.suspended" => "is suspended",
            "customer.warned" => "is warned",
            _ => "is active again",
        };
        var subject = reasonCode is { Length: > 0 } ? $"{customerName} {what}: {reasonCode}" : $"{customerName} {what}";

        var body = new StringBuilder();
        Line(body, $"{customerName} ({message.CustomerId}) {what}.");
        Line(body, string.Empty);
        AppendLine(body, "Reason", reasonCode);
        AppendLine(body, "Reason text", suspension?.ReasonText);
        AppendLine(body, "Message", Text(data, "message"));
        if (suspension is not null)
        {
            AppendLine(body, "Decided by", $"{suspension.DecidedBy} at {suspension.SuspendedAt:u}");
            if (suspension.LiftedAt is { } liftedAt)
            {
                AppendLine(body, "Lifted by", $"{suspension.LiftedBy} at {liftedAt:u}");
                AppendLine(body, "Lift reason", suspension.LiftReason);
            }
        }

        AppendLine(body, "Occurred at", message.CreatedAt.ToString("u", CultureInfo.InvariantCulture));
        Line(body, string.Empty);
        Line(body, "You are told as the customer's account manager; its other users are not emailed.");
        return (subject, body.ToString());
    }

    private static void AppendLine(StringBuilder body, string label, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            Line(body, $"{label}: {value}");
        }
    }

    /// <summary>Mail lines end in CRLF (RFC 5322), whatever the platform's newline.</summary>
    private static void Line(StringBuilder body, string text) => body.Append(text).Append("\r\n");

    private static string? Text(JsonObject data, string name)
        => data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
