namespace RuleSuspension.Server.Email;

/// <summary>Registers outbox delivery as email to the account managers (DESIGN §8b).</summary>
internal static class EmailHosting
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(SmtpSettings.Section).Get<SmtpSettings>() ?? new SmtpSettings();
        settings.Validate();
        services.AddSingleton(settings);
        services.AddScoped<EmailDelivery>();
        services.AddHostedService<EmailSender>();
        return services;
    }
}
