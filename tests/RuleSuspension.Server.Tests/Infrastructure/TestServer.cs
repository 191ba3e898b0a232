using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Keys;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.Infrastructure;

/// <summary>
/// The real server in process, on a fresh data directory and database, with one API key per role.
/// <see cref="RestartAsync"/> stops it and starts a new one on the same data.
/// </summary>
public sealed class TestServer : IAsyncLifetime
{
    private readonly Dictionary<Role, string> _keys = [];
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rs-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _factory;

    /// <summary>The fixture xUnit creates: the server with the repository's settings.</summary>
    public TestServer()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>A server with extra configuration (e.g. <c>Webhooks:*</c>); a spec creates, initializes and disposes it itself.</summary>
    internal TestServer(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
    }

    public IServiceProvider Services => Factory.Services;

    public string DataDirectory => _dataDirectory;

    /// <summary>The command-line arguments that point a CLI verb at this server's data, database, workflows and settings.</summary>
    public IReadOnlyList<string> CommandLineArguments()
    {
        var database = _database ?? throw new InvalidOperationException("The server is not started.");
        return
        [
            $"--Data:Directory={_dataDirectory}",
            $"--Database:Provider={database.Provider}",
            $"--Database:ConnectionString={database.ConnectionString}",
            $"--Workflows:Directory={Path.Combine(RepositoryRoot(), "workflows")}",
            .. _settings.Select(s => $"--{s.Key}={s.Value}"),
        ];
    }

    private WebApplicationFactory<Program> Factory => _factory ?? throw new InvalidOperationException("The server is not started.");

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _factory = Start();
        await using var scope = Services.CreateAsyncScope();
        var create = scope.ServiceProvider.GetRequiredService<CreateApiKeyHandler>();
        foreach (var role in Enum.GetValues<Role>())
        {
            _keys[role] = (await create.Handle(new CreateApiKey($"test-{role}".ToLowerInvariant(), role, Actor.System("tests")), default)).Key;
        }
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be held open briefly; the temp directory is cleaned by the OS anyway.
        }
    }

    /// <summary>A client that sends the key of <paramref name="role"/>, or no key at all.</summary>
    public HttpClient Client(Role? role = Role.SuperAdmin)
    {
        var client = Factory.CreateClient();
        if (role is { } r)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", _keys[r]);
        }

        return client;
    }

    public async Task RestartAsync()
    {
        await Factory.DisposeAsync();
        _factory = Start();
        _ = Factory.Server;
    }

    public async Task<T> InScopeAsync<T>(Func<RuleSuspensionDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>());
    }

    private WebApplicationFactory<Program> Start()
    {
        var database = _database!;
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseSetting("Data:Directory", _dataDirectory);
            web.UseSetting("Database:Provider", database.Provider.ToString());
            web.UseSetting("Database:ConnectionString", database.ConnectionString ?? string.Empty);
            web.UseSetting("Workflows:Directory", Path.Combine(RepositoryRoot(), "workflows"));

            // Quartz schedulers in one process need distinct names; the same one across restarts keeps its schedule.
            web.UseSetting("Scheduling:SchedulerName", "tests-" + Path.GetFileName(_dataDirectory));
            foreach (var (key, value) in _settings)
            {
                web.UseSetting(key, value);
            }
        });
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RuleSuspension.sln not found above the test binaries.");
    }
}

public static class HttpJson
{
    public static Task<HttpResponseMessage> PutJson<T>(this HttpClient client, string url, T body) => client.PutAsJsonAsync(url, body);

    public static Task<HttpResponseMessage> PostJson<T>(this HttpClient client, string url, T body) => client.PostAsJsonAsync(url, body);
}
