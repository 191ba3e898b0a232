using RuleSuspension.Server.Hosting;

namespace RuleSuspension.Server.Webhooks;

/// <summary>Registers outbox delivery as webhooks (DESIGN §8b).</summary>
internal static class WebhookHosting
{
    public static IServiceCollection AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = services.Add<WebhookSettings>(configuration, WebhookSettings.Section);
        services.AddSingleton(settings);
        services.AddHttpClient(WebhookDelivery.HttpClientName, c => c.Timeout = settings.Timeout);
        services.AddScoped<WebhookDelivery>();
        services.AddHostedService<WebhookSender>();
        return services;
    }
}
