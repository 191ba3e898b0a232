using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using RuleSuspension.Testing;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// The server as its own process (<c>dotnet RuleSuspension.Server.dll</c>, built beside these tests) on a free port, on
/// a fresh database: a request that kills the process (a stack overflow cannot be caught) kills it, not the tests, so
/// the crash cases can check that the server is still serving. A case that stopped it starts a new one.
/// </summary>
public sealed class CrashTestServer : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "rs-crash-tests", Guid.NewGuid().ToString("N"));
    private TestDatabase? _database;
    private Process? _process;
    private ServiceProvider? _databaseServices;

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public string AdminKey { get; private set; } = string.Empty;

    /// <summary>Whether the process is still running.</summary>
    public bool IsRunning => _process is { HasExited: false };

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

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        _databaseServices = new ServiceCollection()
            .AddRuleSuspensionDb(new DatabaseSettings { Provider = _database.Provider, ConnectionString = _database.ConnectionString }, _dataDirectory)
            .BuildServiceProvider();
        await EnsureRunningAsync();
    }

    public async Task DisposeAsync()
    {
        await StopAsync();
        if (_databaseServices is not null)
        {
            await _databaseServices.DisposeAsync();
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
        }
    }

    /// <summary>Starts the server unless it is running (a previous case may have killed it).</summary>
    public async Task EnsureRunningAsync()
    {
        if (IsRunning && await IsHealthyAsync())
        {
            return;
        }

        await StopAsync();
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "RuleSuspension.Server.dll"), "serve", "--urls", $"http://127.0.0.1:{port}",
            $"--Data:Directory={_dataDirectory}", $"--Workflows:Directory={Path.Combine(TestServer.RepositoryRoot(), "workflows")}",
            $"--Database:Provider={_database!.Provider}", $"--Database:ConnectionString={_database.ConnectionString ?? string.Empty}",
            "--Serilog:MinimumLevel:Default=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
        AdminKey = (await File.ReadAllTextAsync(Path.Combine(_dataDirectory, "admin.key"))).Trim();
    }

    public HttpClient Client(string? key = null)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null || AdminKey.Length > 0)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", key ?? AdminKey);
        }

        return client;
    }

    /// <summary>The process's database, read from the tests.</summary>
    public async Task<DatabaseSnapshot> SnapshotAsync()
    {
        await using var scope = _databaseServices!.CreateAsyncScope();
        return await DatabaseSnapshot.TakeAsync(scope.ServiceProvider.GetRequiredService<RuleSuspensionDb>());
    }

    /// <summary>Whether the process answers <c>/health</c> with 200 within a few seconds (a dying process may still be listed as running).</summary>
    public async Task<bool> IsHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        try
        {
            return (await client.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
        catch (TaskCanceledException)
        {
            return false;
        }
    }

    private async Task StopAsync()
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

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy:\n{Log}");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode && File.Exists(Path.Combine(_dataDirectory, "admin.key")))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
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
