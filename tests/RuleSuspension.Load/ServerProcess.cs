using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace RuleSuspension.Load;

/// <summary>The server under load: a separate process on a free loopback port, on its own data directory.</summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address, string dataDirectory)
    {
        _process = process;
        Address = address;
        DataDirectory = dataDirectory;
    }

    public Uri Address { get; }

    public string DataDirectory { get; }

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
        var process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), data);
        await server.WaitHealthyAsync();
        return server;
    }

    public string AdminKey() => File.ReadAllText(Path.Combine(DataDirectory, "admin.key")).Trim();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode && File.Exists(Path.Combine(DataDirectory, "admin.key")))
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

            await Task.Delay(200);
        }

        throw new TimeoutException("The server was not healthy within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
