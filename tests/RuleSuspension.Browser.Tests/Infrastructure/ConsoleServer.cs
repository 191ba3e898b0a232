using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RuleSuspension.Testing;

namespace RuleSuspension.Browser.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (<see cref="ServerProcess"/>, as built with the web console), with a fresh SQLite
/// database in a temporary data directory and the shipped rule sets. The shipped workflows are left out on purpose:
/// the workflow the designer test builds is the only one that reacts to events.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly ServerProcess _process;
    private readonly string _root;

    private ConsoleServer(ServerProcess process, string root, string adminKey)
    {
        _process = process;
        _root = root;
        AdminKey = adminKey;
    }

    public Uri Address => _process.Address;

    public string AdminKey { get; }

    public string Log => _process.Log;

    public static async Task<ConsoleServer> StartAsync()
    {
        var serverDll = ServerProcess.BuiltServerDll();
        if (!File.Exists(Path.Combine(Path.GetDirectoryName(serverDll)!, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException($"The web console is not built beside {serverDll} (wwwroot/index.html is missing). Build the server without -p:SkipWebBuild=true.");
        }

        var temp = Path.Combine(Path.GetTempPath(), "rs-browser-tests", Guid.NewGuid().ToString("N"));
        var workflows = Path.Combine(temp, "workflows");
        Directory.CreateDirectory(Path.Combine(workflows, "rulesets"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(ServerProcess.RepositoryRoot(), "workflows", "rulesets"), "*.json"))
        {
            File.Copy(file, Path.Combine(workflows, "rulesets", Path.GetFileName(file)));
        }

        var process = await ServerProcess.StartAsync(new ServerProcessOptions
        {
            ServerDll = serverDll,
            DataDirectory = Path.Combine(temp, "data"),
            WorkflowsDirectory = workflows,
            Settings = new Dictionary<string, string> { ["Rules:Assemblies:0"] = Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Samples.NonPayment.dll") },
        });
        return new ConsoleServer(process, temp, await process.AdminKeyAsync());
    }

    /// <summary>An HTTP client for the API with the given key (the super admin's by default).</summary>
    public HttpClient Api(string? key = null) => _process.Client(key ?? AdminKey, TimeSpan.FromSeconds(30));

    /// <summary>Creates an API key with a role (POST /api/keys) and returns it.</summary>
    public async Task<string> CreateKey(string role, string name)
    {
        using var client = Api();
        var response = await client.PostAsJsonAsync("/api/keys", new { role, name });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating a {role} key failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("key").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

public static class Paths
{
    /// <summary>Where the run's screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string Screenshots()
    {
        var directory = Path.Combine(ServerProcess.RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
