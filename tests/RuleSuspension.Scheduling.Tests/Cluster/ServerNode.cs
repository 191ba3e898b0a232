using RuleSuspension.Persistence;
using System.Diagnostics;
using System.Net.Http.Json;

namespace RuleSuspension.Scheduling.Tests.Cluster;

/// <summary>A real server process (the built RuleSuspension.Server.dll) on a port of its own.</summary>
public sealed class ServerNode : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerNode(Process process, string baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataDirectory = dataDirectory;
    }

    public string BaseUrl { get; }

    public string DataDirectory { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the node logged (for failure messages).</summary>
    public string Log => string.Join(Environment.NewLine, _output.TakeLast(40));

    public static async Task<ServerNode> StartAsync(DatabaseProvider provider, string connectionString, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = RepositoryRoot() };
        foreach (var argument in new[] { ServerDll(), "serve", "--urls", url, $"--Data:Directory={dataDirectory}", $"--Database:Provider={provider}", $"--Database:ConnectionString={connectionString}", $"--Workflows:Directory={Path.Combine(RepositoryRoot(), "workflows")}" }
                     .Concat(settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var node = new ServerNode(process, url, dataDirectory);
        process.OutputDataReceived += (_, e) => node.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => node.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitHealthyAsync();
        return node;
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Kills the process at once, as a crash would: no shutdown, no cleanup.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.Add(line);
            }
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server at {BaseUrl} exited while starting:{Environment.NewLine}{Log}");
            }

            try
            {
                var health = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/health");
                if (health.GetProperty("status").GetString() == "healthy")
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The server at {BaseUrl} was not healthy within 60 s:{Environment.NewLine}{Log}");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The server built with the same configuration as these tests (Debug or Release).</summary>
    private static string ServerDll()
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = Path.Combine(RepositoryRoot(), "src", "RuleSuspension.Server", "bin", configuration, "net10.0", "RuleSuspension.Server.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the server first ({configuration}): {dll} is missing.");
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
