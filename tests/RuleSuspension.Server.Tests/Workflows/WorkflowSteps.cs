using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RuleSuspension.Application.Keys;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>Readable steps over the workflow and task API.</summary>
internal static class WorkflowSteps
{
    public static string NewCustomerId() => "c-" + Guid.NewGuid().ToString("N")[..10];

    public static object SignUp(string customerId, bool identityVerified, string? id = null, bool exempt = false) => Event("customer.signed-up", customerId, new
    {
        customer = new { name = "New Co " + customerId, email = $"owner@{customerId}.test", tenantId = "t-1", planId = "starter", identityVerified, tags = exempt ? new[] { "vip" } : new[] { "trial" }, accountManagers = new[] { "am@host.test" } },
    }, id);

    public static object Opportunity(string customerId, string stage, string? opportunityId = null, string? id = null, DateTimeOffset? occurredAt = null)
        => new
        {
            id = id ?? "evt-" + Guid.NewGuid().ToString("N"),
            type = "crm.opportunity-added",
            occurredAt = occurredAt ?? DateTimeOffset.UtcNow,
            customerId,
            data = new { opportunityId = opportunityId ?? "opp-" + Guid.NewGuid().ToString("N")[..8], boardId = "b-1", boardName = "Accounts", stage, value = 1200 },
        };

    public static async Task Accept(HttpClient client, object envelope) => await Expect(await PostEvent(client, envelope), HttpStatusCode.Accepted);

    public static async Task<JsonElement> Customer(HttpClient client, string customerId) => await Get(client, $"/api/customers/{customerId}");

    public static async Task<string> Status(HttpClient client, string customerId) => (await Customer(client, customerId)).GetProperty("status").GetString()!;

    public static async Task<IReadOnlyList<JsonElement>> Tasks(HttpClient client, string customerId, string? status = null)
        => (await Get(client, $"/api/tasks?customerId={customerId}" + (status is null ? "" : $"&status={status}"))).EnumerateArray().ToList();

    public static async Task<JsonElement> OpenLiftTask(HttpClient client, string customerId)
    {
        var task = Assert.Single(await Tasks(client, customerId, "open"));
        Assert.Equal("lift-suspension", task.GetProperty("kind").GetString());
        return task;
    }

    public static Task<HttpResponseMessage> CompleteTask(HttpClient client, JsonElement task, string outcome, string? reason = "Checked the passport in person.")
        => client.PostJson($"/api/tasks/{task.GetProperty("id").GetString()}/complete", new { outcome, reason });

    public static async Task<IReadOnlyList<JsonElement>> Instances(HttpClient client, string customerId)
        => (await Get(client, $"/api/workflow-instances?customerId={customerId}")).EnumerateArray().ToList();

    public static async Task<JsonElement> Instance(HttpClient client, string customerId, string workflowId)
        => Assert.Single(await Instances(client, customerId), i => i.GetProperty("definitionId").GetString() == workflowId);

    public static IReadOnlyList<string> Path(JsonElement instance)
        => instance.GetProperty("journal").EnumerateArray().Select(e => $"{e.GetProperty("activityId").GetString()}:{(e.GetProperty("outcome").ValueKind == JsonValueKind.Null ? "waiting" : e.GetProperty("outcome").GetString())}").ToList();

    /// <summary>Saves and publishes a definition through the API; answers the published version.</summary>
    public static async Task<int> Publish(HttpClient admin, object definition, string id)
    {
        await Expect(await admin.PutJson($"/api/workflows/{id}", definition), HttpStatusCode.OK);
        var published = await Expect(await admin.PostAsync($"/api/workflows/{id}/publish", null), HttpStatusCode.OK);
        return published.GetProperty("version").GetInt32();
    }

    /// <summary>Waits until <paramref name="condition"/> holds (for work done by a background poller).</summary>
    public static async Task Eventually(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold in time.");
            await Task.Delay(200);
        }
    }
}

/// <summary>A second server on the same data directory and database as <paramref name="first"/>, like a second node.</summary>
internal sealed class SecondHost(TestServer first) : IAsyncDisposable
{
    private WebApplicationFactory<Program>? _factory;
    private string? _key;

    public async Task<HttpClient> ClientAsync(Role role = Role.SuperAdmin)
    {
        if (_factory is null)
        {
            var database = first.Services.GetRequiredService<DatabaseSettings>();
            _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
            {
                web.UseSetting("Data:Directory", first.DataDirectory);
                web.UseSetting("Database:Provider", database.Provider.ToString());
                web.UseSetting("Database:ConnectionString", database.ConnectionString ?? string.Empty);
                web.UseSetting("Workflows:Directory", System.IO.Path.Combine(TestServer.RepositoryRoot(), "workflows"));

                // A node of the same cluster: the same Quartz scheduler name as the first server.
                web.UseSetting("Scheduling:SchedulerName", "tests-" + System.IO.Path.GetFileName(first.DataDirectory));
            });
            await using var scope = _factory.Services.CreateAsyncScope();
            _key = (await scope.ServiceProvider.GetRequiredService<CreateApiKeyHandler>().Handle(new CreateApiKey("second-host", role, Actor.System("tests")), default)).Key;
        }

        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", _key);
        return client;
    }

    public IServiceProvider Services => _factory!.Services;

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }
    }
}
