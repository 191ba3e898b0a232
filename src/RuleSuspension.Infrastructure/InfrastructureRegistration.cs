using Microsoft.Extensions.DependencyInjection;

namespace RuleSuspension.Infrastructure;

/// <summary>Registers the adapters behind the application's ports.</summary>
public static class InfrastructureRegistration
{
    public static IServiceCollection AddRuleSuspensionInfrastructure(this IServiceCollection services)
    {
        return services;
    }
}
