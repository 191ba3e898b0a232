using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Events;
using RuleSuspension.Application.Incidents;
using RuleSuspension.Application.Tasks;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Workflows.Ports;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Workflows;

public static class WorkflowRegistration
{
    /// <summary>The workflow runtime with its ports on the database, definitions, tasks and timers.</summary>
    public static IServiceCollection AddWorkflowRuntime(this IServiceCollection services)
    {
        services.AddSingleton<CustomerLock>();
        services.AddSingleton<WorkflowDefinitionCache>();

        services.AddScoped<RuleSetBridge>();
        services.AddScoped<IRuleSetEvaluator>(sp => sp.GetRequiredService<RuleSetBridge>());
        services.AddScoped<IWorkflowFacts>(sp => sp.GetRequiredService<RuleSetBridge>());
        services.AddScoped<WorkflowEngine>();

        services.AddScoped<WorkflowDispatcher>();
        services.AddScoped<IInboundEventObserver, WorkflowEventObserver>();
        services.AddScoped<WorkflowStarter>();
        services.AddScoped<WorkflowTimers>();
        services.AddScoped<WorkflowDefinitions>();
        services.AddScoped<LoadShippedWorkflows>();
        services.AddScoped<TaskCompletions>();
        services.AddScoped<IncidentWork>();
        return services;
    }
}
