using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Email;

/// <summary>Registers outbox delivery as email to the account managers (DESIGN §8b).</summary>
internal static class EmailHosting
{
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.Add<SmtpSettings>(configuration, SmtpSettings.Section);
        services.AddSingleton(settings);
        services.AddScoped<EmailDelivery>();
        services.AddHostedService<EmailSender>();
        return services;
    }
}
