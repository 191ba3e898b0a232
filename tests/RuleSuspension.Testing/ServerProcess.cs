using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;
using RuleSuspension.Persistence;

namespace RuleSuspension.Testing;

/// <summary>How a <see cref="ServerProcess"/> is started: the server binary, its directories, database and settings.</summary>
public sealed record ServerProcessOptions
{
    /// <summary>The built server; by default the one built in the caller's configuration (<see cref="ServerProcess.BuiltServerDll"/>).</summary>
    public string ServerDll { get; init; } = ServerProcess.BuiltServerDll();

    public required string DataDirectory { get; init; }

    public string WorkflowsDirectory { get; init; } = Path.Combine(ServerProcess.RepositoryRoot(), "workflows");

    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    /// <summary>Null on SQLite: the server's default file in its data directory.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>More settings, each passed as <c>--Key=Value</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>On a loaded machine a start has taken over a minute.</summary>
    public TimeSpan HealthyWithin { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Called with each line the server writes to standard error, besides keeping it in <see cref="ServerProcess.Log"/>.</summary>
    public Action<string>? OnErrorLine { get; init; }
}

/// <summary>
/// The real server as a child process (<c>dotnet RuleSuspension.Server.dll serve</c>) on a free loopback port, as it
/// is deployed: its own process, so a request that ends it (or a kill -9) ends that process and not the tests. It can
/// be killed at once, as a crash would, and started again on the same port, directory and database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ServerProcessOptions _options;
    private readonly ProcessStartInfo _start;
    private readonly StringBuilder _log = new();
    private Process? _process;

    private ServerProcess(ServerProcessOptions options, Uri address)
    {
        _options = options;
        Address = address;
        _start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(options.ServerDll)!,
        };
        foreach (var argument in new[]
                 {
                     options.ServerDll, "serve", "--urls", address.ToString().TrimEnd('/'), $"--Data:Directory={options.DataDirectory}",
                     $"--Workflows:Directory={options.WorkflowsDirectory}", $"--Database:Provider={options.Provider}",
                     $"--Database:ConnectionString={options.ConnectionString ?? string.Empty}",
                 }.Concat(options.Settings.Select(s => $"--{s.Key}={s.Value}")))
        {
            _start.ArgumentList.Add(argument);
        }

        _start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
    }

    public Uri Address { get; }

    public string DataDirectory => _options.DataDirectory;

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>From the process start to the first <c>/health</c> 200 (polled every 10 ms), of the latest start.</summary>
    public TimeSpan StartedIn { get; private set; }

    /// <summary>Everything the server wrote, for failure messages.</summary>
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

    /// <summary>Starts the server and answers once it is healthy.</summary>
    public static async Task<ServerProcess> StartAsync(ServerProcessOptions options)
    {
        if (!File.Exists(options.ServerDll))
        {
            throw new FileNotFoundException($"Build the server first: {options.ServerDll} is missing.");
        }

        var server = new ServerProcess(options, new Uri($"http://127.0.0.1:{FreePort()}"));
        await server.LaunchAsync();
        return server;
    }

    /// <summary>The super admin's key, which the server writes on its first start (perhaps just after it answers <c>/health</c>).</summary>
    public async Task<string> AdminKeyAsync()
    {
        var file = Path.Combine(DataDirectory, "admin.key");
        for (var attempt = 0; !File.Exists(file) && attempt < 500; attempt++)
        {
            await Task.Delay(20);
        }

        return (await File.ReadAllTextAsync(file)).Trim();
    }

    /// <summary>An HTTP client for the API with the given key.</summary>
    public HttpClient Client(string? apiKey, TimeSpan? timeout = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = timeout ?? TimeSpan.FromSeconds(60) };
        if (!string.IsNullOrEmpty(apiKey))
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        return client;
    }

    /// <summary>Whether the process answers <c>/health</c> with 200 within a few seconds (a dying process may still be listed as running).</summary>
    public async Task<bool> IsHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no shutdown of any kind, as a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        _process.Dispose();
        _process = null;
    }

    /// <summary>A new process on the same port, directories and database (after a kill, or after a request ended it); answers when it is healthy.</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        await LaunchAsync();
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private async Task LaunchAsync()
    {
        var clock = Stopwatch.StartNew();
        var process = Process.Start(_start) ?? throw new InvalidOperationException("dotnet could not be started.");
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) =>
        {
            Append(e.Data);
            if (e.Data is not null)
            {
                _options.OnErrorLine?.Invoke(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < _options.HealthyWithin)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {process.ExitCode} before it was healthy:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    StartedIn = clock.Elapsed;
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still starting.
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"The server was not healthy within {_options.HealthyWithin.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The repository's root: the directory above the running binaries that holds RuleSuspension.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "RuleSuspension.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("RuleSuspension.sln not found above the binaries.");
    }

    /// <summary>The server built in the configuration the tests were built in (then Release, then Debug).</summary>
    public static string BuiltServerDll()
    {
        var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        var candidates = new[] { configuration, "Release", "Debug" }
            .Select(c => Path.Combine(RepositoryRoot(), "src", "RuleSuspension.Server", "bin", c, "net10.0", "RuleSuspension.Server.dll"))
            .ToList();
        return candidates.FirstOrDefault(File.Exists) ?? candidates[0];
    }
}
