using RuleSuspension.Application.Keys;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Hosting;

/// <summary>
/// On start: applies migrations, loads the shipped rule sets, then, when no API key exists yet, creates the first SuperAdmin key and writes it
/// to <c>admin.key</c> in the data directory, readable by the owner only.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, DataDirectory data, IConfiguration configuration, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await PrepareAsync(scope.ServiceProvider, configuration, cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>();
        if (db.ApiKeys.Any())
        {
            return;
        }

        var created = await scope.ServiceProvider.GetRequiredService<CreateApiKeyHandler>()
            .Handle(new CreateApiKey("admin", Role.SuperAdmin, Actor.System("first-start")), cancellationToken);
        var path = data.File("admin.key");
        await WriteOwnerOnly(path, created.Key, cancellationToken);
        logger.LogWarning("No API key existed: created the SuperAdmin key 'admin' and wrote it to {AdminKeyPath} (readable by the owner only)", path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>What every start needs, the server's and the CLI verbs': the schema, and the shipped rule sets.</summary>
    internal static async Task PrepareAsync(IServiceProvider services, IConfiguration configuration, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<RuleSuspensionDb>().MigrateAsync(cancellationToken);
        await services.GetRequiredService<LoadShippedRuleSets>().LoadAsync(Path.Combine(WorkflowsDirectory(configuration), "rulesets"), cancellationToken);
    }

    internal static string WorkflowsDirectory(IConfiguration configuration)
        => Path.GetFullPath(configuration["Workflows:Directory"] is { Length: > 0 } configured ? configured : "workflows");

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
