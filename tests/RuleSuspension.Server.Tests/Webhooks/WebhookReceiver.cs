using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RuleSuspension.Server.Tests.Webhooks;

/// <summary>A host's webhook endpoint on loopback (a real socket, so the server's HTTP client is exercised end to end).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    public string Url { get; private set; } = string.Empty;

    /// <summary>What the receiver answers; a spec changes it to make the host fail and recover.</summary>
    public HttpStatusCode Answer { get; set; } = HttpStatusCode.OK;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    /// <param name="verify">When given, the receiver's own check of each POST (body and headers): false answers 400.</param>
    public static async Task<WebhookReceiver> StartAsync(Func<byte[], IHeaderDictionary, bool>? verify = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var receiver = new WebhookReceiver(builder.Build());
        receiver._app.MapPost("/hooks", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            var bytes = body.ToArray();
            var answer = verify is null || verify(bytes, http.Request.Headers) ? receiver.Answer : HttpStatusCode.BadRequest;
            receiver._received.Enqueue(new ReceivedWebhook(
                bytes, http.Request.Headers["X-RuleSuspension-Signature"].ToString(), http.Request.ContentType, answer,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            return Results.StatusCode((int)answer);
        });
        await receiver._app.StartAsync();
        var address = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Url = address.TrimEnd('/') + "/hooks";
        return receiver;
    }

    public IReadOnlyList<ReceivedWebhook> Of(string customerId, string type)
        => Received.Where(r => r.Json.GetProperty("customerId").GetString() == customerId && r.Json.GetProperty("type").GetString() == type).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One POST as the receiver saw it: the exact body bytes, the signature header, what it answered, every header.</summary>
internal sealed record ReceivedWebhook(byte[] Body, string Signature, string? ContentType, HttpStatusCode Answered, IReadOnlyDictionary<string, string> Headers)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement.Clone();
}
