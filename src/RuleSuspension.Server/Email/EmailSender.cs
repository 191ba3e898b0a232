using RuleSuspension.Server.Outbox;

namespace RuleSuspension.Server.Email;

/// <summary>Every <see cref="OutboxDeliverySettings.PollInterval"/>, emails the account managers what the outbox holds for them.</summary>
internal sealed class EmailSender(IServiceScopeFactory scopes, SmtpSettings settings, ILogger<EmailSender> log)
    : OutboxSender<EmailDelivery>(scopes)
{
    protected override OutboxDeliverySettings Settings => settings;

    protected override ILogger Log => log;

    protected override bool Announce()
    {
        if (!settings.Enabled)
        {
            log.LogInformation("Email: Smtp:Host is empty; account managers are not emailed.");
            return false;
        }

        log.LogInformation("Email: sending through {Host}:{Port} as {From}, polling every {PollInterval}.", settings.Host, settings.Port, settings.From, settings.PollInterval);
        return true;
    }
}
