using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Server.Tests.Infrastructure;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// The requests of issue #10 that stopped the process (stack overflows in the expression parser and binder), sent to
/// the server in its own process: each is answered (never a 5xx; a validate route may answer 200 "not valid"), a
/// refusal writes nothing, and afterwards the same process still serves <c>/health</c>.
/// </summary>
public class CrashSpecs(CrashTestServer server) : IClassFixture<CrashTestServer>
{
    private static readonly string TenThousandTerms = string.Join("+", Enumerable.Repeat("1", 10_000)) + " > 0";
    private static readonly string TwentyThousandTerms = string.Join("+", Enumerable.Repeat("1", 20_000)) + " > 0";
    private static readonly string HundredThousandParentheses = new string('(', 100_000) + "1" + new string(')', 100_000) + " > 0";

    public static TheoryData<string, string, string> Requests => new()
    {
        { "POST", "/api/expressions/validate", Json(new { expression = TenThousandTerms }) },
        { "POST", "/api/expressions/validate", Json(new { expression = HundredThousandParentheses }) },
        { "POST", "/api/rulesets/bomb/validate", RuleSet("bomb", TenThousandTerms) },
        { "PUT", "/api/rulesets/bomb", RuleSet("bomb", TenThousandTerms) },
        { "PUT", "/api/rulesets/bomb", RuleSet("bomb", HundredThousandParentheses) },
        { "POST", "/api/workflows/validate", Workflow("bomb-flow", TwentyThousandTerms) },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task An_expression_bomb_is_answered_and_the_process_keeps_serving(string method, string url, string body)
    {
        await server.EnsureRunningAsync();
        var before = await server.SnapshotAsync();

        var status = await SendAndCheckAnswer(method, url, body);

        await ExpectStillServing();
        if (status >= 400)
        {
            Assert.Empty((await server.SnapshotAsync()).DifferencesFrom(before));
        }
    }

    [Fact]
    public async Task A_workflow_draft_with_a_bomb_in_its_filter_cannot_crash_its_publication()
    {
        await server.EnsureRunningAsync();
        var id = "bomb-" + Guid.NewGuid().ToString("N")[..8];

        await SendAndCheckAnswer("PUT", $"/api/workflows/{id}", Workflow(id, TwentyThousandTerms));
        await ExpectStillServing();
        var published = await SendAndCheckAnswer("POST", $"/api/workflows/{id}/publish", null);

        await ExpectStillServing();
        Assert.NotEqual(200, published);
    }

    [Fact]
    public async Task A_non_ascii_customer_id_is_answered_after_its_commit()
    {
        await server.EnsureRunningAsync();
        using var client = server.Client();

        var response = await client.PutAsync("/api/customers/%C3%A9-new", new StringContent("""{"name":"Élodie","email":"e@host.test","tenantId":"t-1"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/customers/%C3%A9-new", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/customers/%C3%A9-new")).StatusCode);
    }

    /// <summary>Sends the request and checks its answer: a status below 500 and, for a 200 of a validate route, "not valid".</summary>
    private async Task<int> SendAndCheckAnswer(string method, string url, string? body)
    {
        using var client = server.Client();
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request);
        }
        catch (HttpRequestException e)
        {
            Assert.Fail($"{method} {url} got no answer ({e.Message}); the server {(await server.IsHealthyAsync() ? "still serves" : "stopped serving")}:\n{Tail(server.Log)}");
            throw;
        }

        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status < 500, $"{method} {url} answered {status}: {Tail(text)}");
        if (status == 200 && url.EndsWith("/validate", StringComparison.Ordinal))
        {
            Assert.False(JsonDocument.Parse(text).RootElement.GetProperty("valid").GetBoolean(), "An expression bomb is not a valid expression.");
        }

        return status;
    }

    private async Task ExpectStillServing()
    {
        Assert.True(await server.IsHealthyAsync() && server.IsRunning, $"The server process stopped serving:\n{Tail(server.Log)}");
    }

    private static string Tail(string text) => text.Length <= 2_000 ? text : text[^2_000..];

    private static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    private static string RuleSet(string name, string when) => Json(new
    {
        name,
        parameters = Array.Empty<object>(),
        rules = new[] { new { name = "bomb", priority = 1, when, then = new[] { new { type = "warn", message = "boom" } } } },
    });

    /// <summary>The shipped sign-up workflow under another id, with <paramref name="filter"/> on its trigger.</summary>
    private static string Workflow(string id, string filter)
    {
        var definition = JsonNode.Parse(File.ReadAllText(Path.Combine(TestServer.RepositoryRoot(), "workflows", "signup-identity-check.json")))!;
        definition["id"] = id;
        definition["triggers"]![0]!["filter"] = filter;
        return definition.ToJsonString();
    }
}
