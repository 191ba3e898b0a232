using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Infrastructure.Outbox;

namespace RuleSuspension.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class InfrastructureRegistration
{
    public static IServiceCollection AddRuleSuspensionInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOutbox(configuration);
        return services;
    }
}
