using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace RuleSuspension.Server.Tests.Email;

/// <summary>
/// A real SMTP server on loopback (the SmtpServer package) that accepts every mail and records its recipients, its
/// text and the connection it came over, so the server's SMTP client is exercised end to end.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private const string ConnectionKey = "connection";

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private int _connections;
    private Task _serving = Task.CompletedTask;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <param name="login">When given, the one user name and password the sink takes; no mail is taken without them.</param>
    public static async Task<SmtpSink> StartAsync((string User, string Password)? login = null)
    {
        var sink = new SmtpSink(FreePort());
        var options = new SmtpServerOptionsBuilder()
            .ServerName("sink.test")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, sink.Port)).AuthenticationRequired(login is not null).AllowUnsecureAuthentication())
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(sink));
        if (login is { } l)
        {
            services.Add(new Login(l.User, l.Password));
        }

        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, e) => e.Context.Properties[ConnectionKey] = Interlocked.Increment(ref sink._connections);
        sink._serving = server.StartAsync(sink._stop.Token);
        await WaitUntilListening(sink.Port);
        return sink;
    }

    /// <summary>The mails whose subject or body mention <paramref name="text"/> (e.g. a customer id).</summary>
    public IReadOnlyList<ReceivedMail> Mentioning(string text) => Received.Where(m => m.Text.Contains(text, StringComparison.Ordinal)).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    /// <summary>A loopback port nothing listens on (for a relay that is down).</summary>
    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>The server binds in the background: connect once, so no spec meets a refused connection at start.</summary>
    private static async Task WaitUntilListening(int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException) when (attempt < 100)
            {
                await Task.Delay(20);
            }
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var mail = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink._received.Enqueue(new ReceivedMail(
                transaction.To.Select(m => $"{m.User}@{m.Host}").ToList(),
                mail.Subject + "\r\n" + mail.TextBody,
                mail.Headers["X-RuleSuspension-Message-Id"],
                (int)context.Properties[ConnectionKey],
                context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Login(string user, string password) : IUserAuthenticator
    {
        public Task<bool> AuthenticateAsync(ISessionContext context, string user1, string password1, CancellationToken cancellationToken)
            => Task.FromResult(user1 == user && password1 == password);
    }
}

/// <summary>One mail as the sink got it: the RCPT TO addresses, the subject and plain text, its connection's number and who logged in.</summary>
internal sealed record ReceivedMail(IReadOnlyList<string> Recipients, string Text, string? MessageId, int Connection, string? User);
