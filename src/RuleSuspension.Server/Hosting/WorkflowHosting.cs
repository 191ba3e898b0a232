using RuleSuspension.Application.Workflows;

namespace RuleSuspension.Server.Hosting;

/// <summary>The workflow runtime's background part: loading the shipped workflows at start (timers fire from Quartz, see RuleSuspension.Scheduling).</summary>
internal static class WorkflowHosting
{
    public static IServiceCollection AddWorkflowHosting(this IServiceCollection services)
    {
        services.AddHostedService<ShippedWorkflowsLoader>();
        return services;
    }
}

/// <summary>Loads <c>Workflows:Directory</c>/*.json at start, after the database is migrated (see <see cref="LoadShippedWorkflows"/>).</summary>
internal sealed class ShippedWorkflowsLoader(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<LoadShippedWorkflows>().LoadAsync(DatabaseInitializer.WorkflowsDirectory(configuration), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
