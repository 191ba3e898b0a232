using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RuleSuspension.Load;

/// <summary>
/// The server under load: a separate process on a free loopback port, on its own new data directory. It can be
/// killed -9 and started again on the same port, data directory and database, as a crashed node is.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    // Generous: on a loaded machine a start has taken over a minute.
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromMinutes(3);

    private readonly ProcessStartInfo _start;
    private Process _process;

    private ServerProcess(ProcessStartInfo start, Uri address, string dataDirectory)
    {
        _start = start;
        Address = address;
        DataDirectory = dataDirectory;
        _process = Launch(start);
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

    /// <summary>From the process start to the first <c>/health</c> 200 (polled every 10 ms), of the latest start.</summary>
    public TimeSpan StartedIn { get; private set; }

    public static async Task<ServerProcess> StartAsync(string serverDll, string workflows, string provider, string? connectionString)
    {
        if (!File.Exists(serverDll))
        {
            throw new FileNotFoundException($"Build the server first: dotnet build src/RuleSuspension.Server -c Release ({serverDll} is missing).");
        }

        var port = FreePort();
        var data = Path.Combine(Path.GetTempPath(), "rs-load", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                serverDll, "serve", "--urls", $"http://127.0.0.1:{port}", $"--Data:Directory={data}",
                $"--Workflows:Directory={workflows}", $"--Database:Provider={provider}", $"--Database:ConnectionString={connectionString ?? string.Empty}",
                "--Serilog:MinimumLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(serverDll)!,
        };
        var server = new ServerProcess(start, new Uri($"http://127.0.0.1:{port}"), data);
        await server.WaitHealthyAsync();
        return server;
    }

    /// <summary>The key the server writes on its first start (just after it answers <c>/health</c>, perhaps).</summary>
    public async Task<string> AdminKeyAsync()
    {
        var file = Path.Combine(DataDirectory, "admin.key");
        for (var attempt = 0; !File.Exists(file) && attempt < 500; attempt++)
        {
            await Task.Delay(20);
        }

        return (await File.ReadAllTextAsync(file)).Trim();
    }

    /// <summary>SIGKILL, no shutdown of any kind, then a new process on the same everything; answers when it is healthy.</summary>
    public async Task KillAndRestartAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = Launch(_start);
        await WaitHealthyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static Process Launch(ProcessStartInfo start)
    {
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < HealthyWithin)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    StartedIn = clock.Elapsed;
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

            await Task.Delay(10);
        }

        throw new TimeoutException($"The server was not healthy within {HealthyWithin.TotalSeconds} s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
