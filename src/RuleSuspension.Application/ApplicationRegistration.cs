using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using RuleSuspension.Rules.NRules;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Application.Events;
using RuleSuspension.Application.Facts;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Application.Keys;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Application.Suspensions;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Application.Tenants;

namespace RuleSuspension.Application;

public static class ApplicationRegistration
{
    public static IServiceCollection AddRuleSuspensionApplication(this IServiceCollection services)
    {
        // Scoped: handlers take the request's DbContext, as the endpoints did before. The behaviours wrap every
        // command in this order, outermost first: logging, validation, the customer unit of work (customer commands).
        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            options.PipelineBehaviors =
            [
                typeof(CommandLoggingBehaviour<,>),
                typeof(CommandValidationBehaviour<,>),
                typeof(CustomerUnitOfWorkBehaviour<,>),
            ];
        });
        services.AddScoped<CustomerUnitOfWork>();
        services.AddSingleton<IngestionGate>();
        services.AddValidatorsFromAssembly(typeof(ApplicationRegistration).Assembly, ServiceLifetime.Singleton);

        services.TryAddSingleton(CodeRuleSetLibrary.Empty);
        services.AddSingleton<CompiledRuleSetCache>();
        services.AddScoped<RuleSetCatalog>();
        services.AddScoped<FactBuilder>();
        services.AddScoped<PreloadedFacts>();
        services.AddScoped<CustomerBook>();
        // The server registers one it started reading early (ServerApp); elsewhere the files are read when loaded.
        services.TryAddSingleton<ShippedRuleSetFiles>();
        services.AddScoped<LoadShippedRuleSets>();
        services.AddScoped<LoadCodeRuleSets>();
        services.TryAddSingleton(new DecisionRecordOptions());
        services.AddScoped<DecisionRecorder>();

        // The overdue check (issue 6); Scheduling fires it, the API queues it: both through the mediator, which
        // registers the handlers (QueueOverdueCheck, RunOverdueCheck, RecordScheduledOverdueCheck, CheckOverdueBatch).
        services.AddWorkflowRuntime();
        services.AddSingleton(TimeProvider.System);
        services.TryAddSingleton(InputLimits.Default);
        return services;
    }
}
