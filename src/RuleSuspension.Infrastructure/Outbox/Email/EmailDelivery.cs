using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Infrastructure.Outbox.Email;

/// <summary>
/// The email channel: each suspension, warning and lift becomes one plain-text email to the customer's account
/// managers (none: nothing is sent). The customer's ordinary users are never mailed; what they are told is held back
/// through the access API (<c>notificationsPaused</c>). At least once, like the webhooks; the
/// <c>X-RuleSuspension-Message-Id</c> header carries the outbox id. A batch is one SMTP connection (MailKit).
/// </summary>
internal sealed class EmailDelivery(SmtpSettings settings, ILogger<EmailDelivery> log) : IOutboxChannel
{
    public OutboxChannel Channel => OutboxChannel.Email;

    public OutboxDeliverySettings Settings => settings;

    /// <summary>An email is three timed steps (MAIL FROM, RCPT TO, DATA); the batch's connection adds its own at most once.</summary>
    public TimeSpan LongestSend => settings.Timeout * 3;

    public bool Announce()
    {
        if (!settings.Enabled)
        {
            log.LogInformation("Email: Smtp:Host is empty; account managers are not emailed.");
            return false;
        }

        log.LogInformation("Email: sending through {Host}:{Port} ({Security}) as {From}, polling every {PollInterval}.", settings.Host, settings.Port, settings.SecurityInUse, settings.From, settings.PollInterval);
        return true;
    }

    public Task<IOutboxBatch> StartBatchAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
        => Task.FromResult<IOutboxBatch>(new EmailBatch(db, settings));

    /// <summary>Subject and plain-text body: the customer, what happened, the reason, and who decided or lifted.</summary>
    internal static (string Subject, string Body) Compose(OutboxMessage message, string customerName, JsonObject data, Suspension? suspension)
    {
        var reasonCode = Text(data, "reasonCode") ?? suspension?.ReasonCode;
        var what = message.Type switch
        {
            NotificationTypes.CustomerSuspended => "is suspended",
            NotificationTypes.CustomerWarned => "is warned",
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

    internal static string? Text(JsonObject data, string name)
        => data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}

/// <summary>
/// The emails of one round, over one SMTP connection: opened at the first email that has recipients (STARTTLS or TLS as
/// <see cref="SmtpSettings.Security"/> says, logged in when a user name is set) and closed at the end of the batch.
/// </summary>
internal sealed class EmailBatch(RuleSuspensionDb db, SmtpSettings settings) : IOutboxBatch
{
    private SmtpClient? _client;

    /// <summary>Set when the relay could not be reached: the rest of the batch fails with it rather than each waiting out its own timeout.</summary>
    private string? _unreachable;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.CustomerId, cancellationToken);
        var recipients = (customer?.AccountManagers ?? []).Select(SmtpSettings.AddressOf).OfType<MailboxAddress>().ToList();
        if (recipients.Count == 0)
        {
            return SendOutcome.Nothing;
        }

        if (_unreachable is not null)
        {
            return SendOutcome.Failed(_unreachable);
        }

        var data = JsonNode.Parse(message.Payload) as JsonObject ?? [];
        var suspension = Guid.TryParse(EmailDelivery.Text(data, "suspensionId"), out var suspensionId)
            ? await db.Suspensions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == suspensionId, cancellationToken)
            : null;
        var (subject, body) = EmailDelivery.Compose(message, customer!.Name, data, suspension);
        using var mail = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = body } };
        mail.From.Add(SmtpSettings.AddressOf(settings.From)!);
        mail.To.AddRange(recipients);
        mail.Headers.Add("X-RuleSuspension-Message-Id", message.Id.ToString());

        try
        {
            var client = _client ??= await ConnectAsync(cancellationToken);
            await client.SendAsync(mail, cancellationToken);
            return SendOutcome.Sent;
        }
        catch (SmtpCommandException e)
        {
            // The relay refused this email (a recipient, say); the connection stays good for the next one.
            return SendOutcome.Failed(Explain(e));
        }
        catch (Exception e) when (e is SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or AuthenticationException or SslHandshakeException or IOException or SocketException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // The connection is gone or never came up: the rest of this batch waits for the next round.
            _unreachable = Explain(e);
            Drop();
            return SendOutcome.Failed(_unreachable);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is { IsConnected: true } client)
        {
            try
            {
                await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or OperationCanceledException)
            {
                // The emails are sent; a QUIT that fails changes nothing.
            }
        }

        Drop();
    }

    private async Task<SmtpClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = (int)Math.Min(int.MaxValue, settings.Timeout.TotalMilliseconds) };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, settings.SocketOptions, cancellationToken);
            if (!string.IsNullOrEmpty(settings.UserName))
            {
                await client.AuthenticateAsync(settings.UserName, settings.Password ?? string.Empty, cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private void Drop()
    {
        _client?.Dispose();
        _client = null;
    }

    private string Explain(Exception e)
        => $"{settings.Host}:{settings.Port}: {e.Message}" + (e.InnerException is { } inner ? $" ({inner.Message})" : string.Empty);
}

