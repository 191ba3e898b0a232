using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Persistence;
using RuleSuspension.Scheduling.Configuration;
using RuleSuspension.Scheduling.Hosting;
using RuleSuspension.Scheduling.Jobs;
using RuleSuspension.Scheduling.Timers;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Scheduling;

/// <summary>Registers Quartz.NET, the overdue-invoice check's schedule, and workflow timers as Quartz triggers.</summary>
public static class SchedulingRegistration
{
    /// <summary>
    /// Quartz with a persistent job store chosen by the database's dialect: in the application's database on
    /// PostgreSQL and SQL Server, clustered (every node sharing the database shares the work, and a trigger fires on
    /// one node); on SQLite, a file of its own beside the database (<c>quartz.db</c>), so that the scheduler's writes
    /// never wait for the application's. Quartz creates its tables from its own scripts when they are missing.
    /// </summary>
    public static IServiceCollection AddRuleSuspensionScheduling(
        this IServiceCollection services, SchedulerSettings scheduling, OverdueCheckOptions overdueCheck, DatabaseSettings database, string dataDirectory)
    {
        services.AddSingleton(scheduling);
        services.AddSingleton(overdueCheck);
        services.AddSingleton(OverdueCheckSchedule.From(overdueCheck));

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(s =>
            {
                s.InstanceName = scheduling.SchedulerName;
                s.IdleWaitTime = scheduling.IdleWaitTime;
            });
            quartz.UseDefaultThreadPool(Math.Max(1, scheduling.MaxConcurrency));
            quartz.UsePersistentStore(store =>
            {
                var dialect = database.Dialect;
                dialect.UseJobStore(store, database, dataDirectory);
                if (dialect.SharedByNodes)
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = scheduling.CheckinInterval;
                        c.CheckinMisfireThreshold = scheduling.CheckinMisfireThreshold;
                    });
                }

                store.ProvisionSchema();
                store.ConfigureStore(o => o.MisfireThreshold = scheduling.MisfireThreshold);
            });
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        services.AddHostedService<ScheduleRegistration>();

        services.AddTransient<OverdueCheckJob>();
        services.AddTransient<WorkflowTimerJob>();
        services.AddSingleton<IOverdueCheckScheduler, QuartzOverdueCheckScheduler>();

        // Timers become Quartz triggers: this replaces the runtime's table-only scheduler.
        services.RemoveAll<IWorkflowTimerScheduler>();
        services.AddScoped<IWorkflowTimerScheduler, QuartzTimerScheduler>();
        return services;
    }
}
