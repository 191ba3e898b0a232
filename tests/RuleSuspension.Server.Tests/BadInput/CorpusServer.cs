using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// The real server (in process) with the records the corpus aims at: customer A with invoice <see cref="InvoiceOfA"/>,
/// customer B signed up by event <see cref="SignUpOfB"/>, and customer S suspended by the sign-up workflow with its
/// open lift task.
/// </summary>
public sealed class CorpusServer : IAsyncLifetime
{
    public const string A = "c-corpus-a";
    public const string B = "c-corpus-b";
    public const string S = "c-corpus-s";
    public const string InvoiceOfA = "inv-corpus-a";
    public const string SignUpOfB = "evt-corpus-b";

    public TestServer Server { get; } = new();

    /// <summary>The open lift task of S.</summary>
    public Guid LiftTask { get; private set; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        var admin = Server.Client();
        await CreateCustomer(admin, A);
        await Expect(await admin.PutJson($"/api/invoices/{InvoiceOfA}", new { customerId = A, amount = 120m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" }), HttpStatusCode.Created);
        await Expect(await PostEvent(admin, CorpusBodies.SignUpEnvelope(B, SignUpOfB, identityVerified: true)), HttpStatusCode.Accepted);
        await Expect(await PostEvent(admin, CorpusBodies.SignUpEnvelope(S, "evt-corpus-s", identityVerified: false)), HttpStatusCode.Accepted);
        var tasks = await Get(admin, $"/api/tasks?customerId={S}&status=open");
        LiftTask = tasks.EnumerateArray().Single().GetProperty("id").GetGuid();
    }

    public Task DisposeAsync() => Server.DisposeAsync();

    public Task<DatabaseSnapshot> SnapshotAsync() => Server.InScopeAsync(DatabaseSnapshot.TakeAsync);

    public Task<HttpResponseMessage> SendAsync(Role role, string method, string url, string? body)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), url.Replace("{task}", LiftTask.ToString()));
        if (body is not null)
        {
            request.Content = new StringContent(body.Replace("{task}", LiftTask.ToString()), System.Text.Encoding.UTF8, "application/json");
        }

        return Server.Client(role).SendAsync(request);
    }
}

/// <summary>Bodies of the corpus, written with the serializer (so odd characters are escaped as a client would) unless the case is about the raw text.</summary>
public static class CorpusBodies
{
    public static object SignUpEnvelope(string customerId, string? eventId = null, bool identityVerified = true, object? customer = null) => new
    {
        id = eventId ?? "evt-" + Guid.NewGuid().ToString("N"),
        type = "customer.signed-up",
        occurredAt = DateTimeOffset.UtcNow,
        customerId,
        data = new { customer = customer ?? Customer(customerId, identityVerified) },
    };

    public static object Customer(string customerId, bool identityVerified = true, string? name = null, string? email = null, string? tenantId = null, object? tags = null, object? accountManagers = null) => new
    {
        name = name ?? "Corpus " + customerId,
        email = email ?? "owner@corpus.test",
        tenantId = tenantId ?? "t-1",
        planId = "starter",
        identityVerified,
        tags = tags ?? new[] { "trial" },
        accountManagers = accountManagers ?? new[] { "am@host.test" },
    };

    public static string Event(string type, string customerId, object data, string? id = null, object? occurredAt = null)
        => Json(new { id = id ?? "evt-" + Guid.NewGuid().ToString("N"), type, occurredAt = occurredAt ?? DateTimeOffset.UtcNow, customerId, data });

    public static string SignUp(string customerId, string? eventId = null, object? customer = null)
        => Json(SignUpEnvelope(customerId, eventId, customer: customer));

    public static string Invoice(string customerId, object? amount = null, string currency = "EUR", string issuedAt = "2026-10-01", string dueDate = "2026-10-31", string? paidAt = null)
        => Json(new { customerId, amount = amount ?? 120m, currency, issuedAt, dueDate, paidAt });

    public static string IssuedData(string invoiceId = "inv-new", string amount = "120", string currency = "EUR", string issuedAt = "2026-10-01", string dueDate = "2026-10-31")
        => "{" + $"\"invoiceId\":{Json(invoiceId)},\"amount\":{amount},\"currency\":{Json(currency)},\"issuedAt\":{Json(issuedAt)},\"dueDate\":{Json(dueDate)}" + "}";

    /// <summary>An envelope around raw <c>data</c> JSON (numbers the serializer cannot write, nesting bombs).</summary>
    public static string RawEvent(string type, string customerId, string rawData, string? id = null)
        => "{" + $"\"id\":{Json(id ?? "evt-" + Guid.NewGuid().ToString("N"))},\"type\":{Json(type)},\"occurredAt\":{Json(DateTimeOffset.UtcNow)},\"customerId\":{Json(customerId)},\"data\":{rawData}" + "}";

    public static string Json(object? value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static string Many(int count, Func<int, string> item) => "[" + string.Join(",", Enumerable.Range(0, count).Select(i => Json(item(i)))) + "]";
}
