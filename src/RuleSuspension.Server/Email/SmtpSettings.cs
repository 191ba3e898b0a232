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
}
