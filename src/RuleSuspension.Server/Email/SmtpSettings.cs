using System.Net.Mail;
using RuleSuspension.Server.Outbox;

namespace RuleSuspension.Server.Email;

/// <summary>The <c>Smtp</c> configuration section: the relay the account managers' emails go through (DESIGN §8b).</summary>
public sealed class SmtpSettings : OutboxDeliverySettings
{
    public const string Section = "Smtp";

    /// <summary>Empty turns email off (logged once at start; the outbox still feeds the webhooks).</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    public string From { get; set; } = string.Empty;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public bool EnableSsl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>Refuses settings that could never send, at start rather than on the first message.</summary>
    public void Validate()
    {
        if (!Enabled)
        {
            return;
        }

        if (Port is < 1 or > 65535)
        {
            throw new InvalidOperationException("Smtp:Port must be between 1 and 65535.");
        }

        if (!MailAddress.TryCreate(From, out _))
        {
            throw new InvalidOperationException("Smtp:From must be an email address when Smtp:Host is set.");
        }

        ValidateTiming(Section);
    }
}
