using MailKit.Security;
using MimeKit;

namespace RuleSuspension.Infrastructure.Outbox.Email;

/// <summary>How the connection to the relay is secured.</summary>
public enum SmtpSecurity
{
    /// <summary>STARTTLS when the relay offers it, plain otherwise.</summary>
    StartTls,

    /// <summary>Plain SMTP, never encrypted (a relay on the same host).</summary>
    None,

    /// <summary>TLS from the first byte (SMTPS, usually port 465).</summary>
    Tls,
}

/// <summary>The <c>Smtp</c> configuration section: the relay the account managers' emails go through.</summary>
public sealed class SmtpSettings : OutboxDeliverySettings
{
    public const string Section = "Smtp";

    /// <summary>Empty turns email off (logged once at start; the outbox still feeds the webhooks).</summary>
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 25;

    public string From { get; set; } = string.Empty;

    /// <summary>Set: the sender logs in with it (and <see cref="Password"/>) on every connection.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>Unset means <see cref="SmtpSecurity.StartTls"/> (or what <see cref="EnableSsl"/> says).</summary>
    public SmtpSecurity? Security { get; set; }

    /// <summary>The older setting, still read: true insists on STARTTLS (a relay that does not offer it is an error).</summary>
    public bool EnableSsl { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);

    /// <summary>What the log line says the connection is.</summary>
    public string SecurityInUse => Security?.ToString() ?? (EnableSsl ? "StartTls required" : nameof(SmtpSecurity.StartTls));

    internal SecureSocketOptions SocketOptions => Security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTlsWhenAvailable,
        _ => EnableSsl ? SecureSocketOptions.StartTls : SecureSocketOptions.StartTlsWhenAvailable,
    };

    /// <summary>The mailbox an address stands for; null when it is not one (no <c>@</c>, or not parsable).</summary>
    public static MailboxAddress? AddressOf(string? text)
        => MailboxAddress.TryParse(text ?? string.Empty, out var address) && address.Address.Contains('@') ? address : null;
}
