using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace RuleSuspension.Browser.Tests.Infrastructure;

/// <summary>
/// The real server as a child process (<c>dotnet RuleSuspension.Server.dll</c>, as built with the web console) on a
/// free port, with a fresh SQLite database in a temporary data directory and the shipped rule sets. The shipped
/// workflows are left out on purpose: the workflow the designer test builds is the only one that reacts to events.
/// </summary>
public sealed class ConsoleServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private ConsoleServer(Process process, Uri address, string dataDirectory, string workflowsDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
        WorkflowsDirectory = workflowsDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    public string WorkflowsDirectory { get; }

    public string AdminKey { get; private set; } = "";

    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<ConsoleServer> StartAsync()
    {
        var root = Paths.RepositoryRoot();
        var serverDll = Paths.ServerDll(root);
        if (!File.Exists(Path.Combine(Path.GetDirectoryName(serverDll)!, "wwwroot", "index.html")))
        {
            throw new InvalidOperationException($"The web console is not built beside {serverDll} (wwwroot/index.html is missing). Build the server without -p:SkipWebBuild=true.");
        }

        var temp = Path.Combine(Path.GetTempPath(), "rs-browser-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(temp, "data");
        var workflows = Path.Combine(temp, "workflows");
        Directory.CreateDirectory(Path.Combine(workflows, "rulesets"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "workflows", "rulesets"), "*.json"))
        {
            File.Copy(file, Path.Combine(workflows, "rulesets", Path.GetFileName(file)));
        }

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = temp,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { serverDll, "--urls", address.ToString().TrimEnd('/'), $"--Data:Directory={data}", $"--Workflows:Directory={workflows}", "--Database:Provider=Sqlite",
                     $"--Rules:Assemblies:0={Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Samples.NonPayment.dll")}" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var server = new ConsoleServer(process, address, data, workflows);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilHealthy();
        server.AdminKey = (await File.ReadAllTextAsync(Path.Combine(data, "admin.key"))).Trim();
        return server;
    }

    /// <summary>An HTTP client for the API with the given key (the super admin's by default).</summary>
    public HttpClient Api(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-Api-Key", key ?? AdminKey);
        return client;
    }

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
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception)
        {
            // Already gone.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(Path.GetDirectoryName(DataDirectory)!, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthy()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy:\n{Log}");
            }

            try
            {
                var response = await client.GetAsync("/health");
                if (response.IsSuccessStatusCode && File.Exists(Path.Combine(DataDirectory, "admin.key")))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The server did not answer /health within 90 s:\n{Log}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public static class Paths
{
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RuleSuspension.sln not found above the test binaries.");
    }

    /// <summary>The server built in the same configuration as these tests.</summary>
    public static string ServerDll(string root)
    {
        var configuration = typeof(Paths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var candidates = new[] { configuration, "Release", "Debug" }
            .Select(c => Path.Combine(root, "src", "RuleSuspension.Server", "bin", c, "net10.0", "RuleSuspension.Server.dll"));
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException($"The server is not built: {candidates.First()} is missing.");
    }

    /// <summary>Where the run's screenshots go: artifacts/screenshots at the repository root.</summary>
    public static string Screenshots()
    {
        var directory = Path.Combine(RepositoryRoot(), "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        return directory;
    }
}
