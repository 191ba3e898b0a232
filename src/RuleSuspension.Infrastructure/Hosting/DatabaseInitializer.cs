using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Keys;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Rules.NRules;

namespace RuleSuspension.Infrastructure.Hosting;

/// <summary>
/// On start (the server's, and every CLI verb's): applies migrations, loads the shipped rule sets, the code-defined
/// rule sets of <c>Rules:Assemblies</c> and the shipped workflows, then,
/// when no API key exists yet, creates the first SuperAdmin key and writes it to <c>admin.key</c> in the data
/// directory (<see cref="AdminKeyFile"/>), readable by the owner only. When the server starts, the
/// <see cref="StartAlongsideCatalogue"/> work runs on other threads while the catalogue loads (after the migrations), and
/// the start goes on only when both are done: what comes after (the other hosted services, Kestrel, the first
/// <c>/health</c> 200) still finds everything done.
/// </summary>
public sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration, IEnumerable<StartAlongsideCatalogue> alongside) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider, configuration, alongside.ToList(), cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Prepares the database for a CLI verb: migrated and loaded, nothing else started.</summary>
    public static Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
        => PrepareAsync(services, configuration, [], cancellationToken);

    private static async Task PrepareAsync(
        IServiceProvider services, IConfiguration configuration, IReadOnlyList<StartAlongsideCatalogue> alongside, CancellationToken cancellationToken)
    {
        var timeline = services.GetRequiredService<StartTimeline>();
        // The rule assemblies first: a missing or broken one stops the start before anything is written.
        _ = services.GetRequiredService<CodeRuleSetLibrary>();
        timeline.Mark("rule assemblies loaded");
        await services.GetRequiredService<RuleSuspensionDb>().MigrateAsync(cancellationToken);
        timeline.Mark("database migrated");
        var alongsideDone = Task.WhenAll(alongside.Select(work => Task.Run(() => work.RunAsync(cancellationToken), cancellationToken)));
        try
        {
            await LoadCatalogueAsync(services, configuration, timeline, cancellationToken);
        }
        catch
        {
            // The catalogue's failure is the one reported, as before; the work beside it is only waited for.
            await alongsideDone.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await alongsideDone;
        if (alongside.Count > 0)
        {
            timeline.Mark("work alongside the catalogue done");
        }
    }

    private static async Task LoadCatalogueAsync(IServiceProvider services, IConfiguration configuration, StartTimeline timeline, CancellationToken cancellationToken)
    {
        var workflows = WorkflowsDirectory(configuration);
        var shippedRuleSets = ShippedRuleSetsDirectory(configuration);
        // Read on another thread since the server's start (ServerApp): this mark shows whether the load waited for it.
        await services.GetRequiredService<ShippedRuleSetFiles>().ReadAsync(shippedRuleSets);
        timeline.Mark("shipped rule set files read");
        await services.GetRequiredService<LoadShippedRuleSets>().LoadAsync(shippedRuleSets, cancellationToken);
        timeline.Mark("shipped rule sets loaded");
        await services.GetRequiredService<LoadCodeRuleSets>().LoadAsync(cancellationToken);
        timeline.Mark("code rule sets loaded");
        await services.GetRequiredService<LoadShippedWorkflows>().LoadAsync(workflows, cancellationToken);
        timeline.Mark("shipped workflows loaded");
        await EnsureFirstKeyAsync(services, cancellationToken);
        timeline.Mark("first key ensured");
    }

    /// <summary>How many migrations the database has applied (the <c>migrate</c> verb reports it).</summary>
    public static async Task<int> AppliedMigrationsAsync(IServiceProvider services, CancellationToken cancellationToken)
        => (await services.GetRequiredService<RuleSuspensionDb>().Database.GetAppliedMigrationsAsync(cancellationToken)).Count();

    private static async Task EnsureFirstKeyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (services.GetRequiredService<RuleSuspensionDb>().ApiKeys.Any())
        {
            return;
        }

        var created = await services.GetRequiredService<ISender>()
            .Send(new CreateApiKey("admin", Role.SuperAdmin, Actor.System("first-start")), cancellationToken);
        var path = services.GetRequiredService<AdminKeyFile>().Path;
        await WriteOwnerOnly(path, created.Key, cancellationToken);
        services.GetRequiredService<ILogger<DatabaseInitializer>>()
            .LogWarning("No API key existed: created the SuperAdmin key 'admin' and wrote it to {AdminKeyPath} (readable by the owner only)", path);
    }

    internal static string WorkflowsDirectory(IConfiguration configuration)
        => Path.GetFullPath(configuration["Workflows:Directory"] is { Length: > 0 } configured ? configured : "workflows");

    /// <summary>Where the shipped rule sets are: <c>rulesets</c> under the workflows directory.</summary>
    public static string ShippedRuleSetsDirectory(IConfiguration configuration) => Path.Combine(WorkflowsDirectory(configuration), "rulesets");

    internal static async Task WriteOwnerOnly(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, options))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteLineAsync(content.AsMemory(), cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to new files; an existing one keeps its mode unless we set it.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

/// <summary>
/// Start work that needs the migrated database but not the catalogue (the scheduler's creation): the server's start
/// runs it on another thread while the catalogue loads. It must not use the start's scope (its database context is
/// the catalogue's); its failure fails the start.
/// </summary>
public sealed record StartAlongsideCatalogue(Func<CancellationToken, Task> RunAsync);

/// <summary>Where the first start writes the SuperAdmin key: <c>admin.key</c> in the server's data directory.</summary>
public sealed record AdminKeyFile(string Path)
{
    public const string Name = "admin.key";
}
