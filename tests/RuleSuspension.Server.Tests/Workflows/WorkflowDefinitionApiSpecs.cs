using System.Net;
using System.Text;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;
using static RuleSuspension.Server.Tests.Workflows.WorkflowSteps;

namespace RuleSuspension.Server.Tests.Workflows;

/// <summary>Definitions over the API: schema, catalogue, validation, drafts, publishing and versions.</summary>
public sealed class WorkflowDefinitionApiSpecs(TestServer server) : IClassFixture<TestServer>
{
    private HttpClient Admin => server.Client(Role.Admin);

    /// <summary>A valid workflow started only for one customer (its filter), so that it disturbs no other spec.</summary>
    internal static object Flow(string id, string customerId, string taskTitle = "Lift?", string? andFilter = null) => new
    {
        id,
        name = "Custom " + id,
        start = "suspend",
        triggers = new object[] { new { @event = "invoice.issued", filter = $"customer.id == \"{customerId}\"" + (andFilter is null ? "" : " && " + andFilter) } },
        activities = new object[]
        {
            new { id = "suspend", type = "SuspendCustomer", properties = new { reasonCode = "investigation", reasonText = "Checking the invoice." }, position = new { x = 0, y = 0 } },
            new { id = "review", type = "HumanTask", properties = new { title = taskTitle, role = "SuperAdmin" } },
            new { id = "lift", type = "LiftSuspension" },
            new { id = "end", type = "End" },
        },
        connections = new object[]
        {
            new { from = "suspend", outcome = "Suspended", to = "review" },
            new { from = "review", outcome = "Lift", to = "lift" },
            new { from = "review", outcome = "Keep", to = "end" },
            new { from = "lift", outcome = "Done", to = "end" },
        },
    };

    private static object Invoice(string customerId, decimal amount = 10) => Event("invoice.issued", customerId, new { invoiceId = "inv-" + Guid.NewGuid().ToString("N")[..8], amount, currency = "EUR", issuedAt = "2026-01-01", dueDate = "2026-01-31" });

    [Fact]
    public async Task The_schema_is_a_json_schema_naming_every_activity_type()
    {
        var schema = await Get(server.Client(Role.Viewer), "/api/workflows/schema");

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.GetProperty("$schema").GetString());
        Assert.Equal(10, schema.GetProperty("$defs").GetProperty("activity").GetProperty("properties").GetProperty("type").GetProperty("enum").GetArrayLength());
    }

    [Fact]
    public async Task The_activity_catalogue_lists_types_properties_and_outcomes()
    {
        var activities = (await Get(server.Client(Role.Viewer), "/api/workflows/activities")).EnumerateArray().ToList();

        var humanTask = Assert.Single(activities, a => a.GetProperty("type").GetString() == "HumanTask");
        Assert.Contains(humanTask.GetProperty("properties").EnumerateArray(), p => p.GetProperty("name").GetString() == "role" && p.GetProperty("required").GetBoolean());
        Assert.Equal(["Lift", "Keep"], humanTask.GetProperty("outcomes").EnumerateArray().Select(o => o.GetString()));
    }

    [Fact]
    public async Task Validate_lists_every_error_with_path_and_position()
    {
        var body = new
        {
            id = "broken",
            name = "Broken",
            start = "check",
            activities = new object[] { new { id = "check", type = "If", properties = new { condition = "customer.exempt &&" } }, new { id = "lift", type = "LiftSuspension" } },
            connections = new object[] { new { from = "check", outcome = "True", to = "lift" }, new { from = "check", outcome = "False", to = "ghost" } },
        };

        var result = await Expect(await Admin.PostJson("/api/workflows/validate", body), HttpStatusCode.OK);

        Assert.False(result.GetProperty("valid").GetBoolean());
        var errors = result.GetProperty("errors").EnumerateArray().ToList();
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.activities[0].properties.condition" && e.GetProperty("line").GetInt32() == 1);
        Assert.Contains(errors, e => e.GetProperty("path").GetString() == "$.connections[1].to" && e.GetProperty("connection").GetString() == "check --False--> ghost");
        Assert.Contains(errors, e => e.GetProperty("activityId").GetString() == "lift" && e.GetProperty("message").GetString()!.Contains("HumanTask"));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_with_line_and_column()
    {
        var response = await Admin.PostAsync("/api/workflows/validate", new StringContent("{\n \"id\": ", Encoding.UTF8, "application/json"));

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.TryGetProperty("line", out _));
    }

    [Fact]
    public async Task A_draft_is_saved_with_its_validation_and_published_when_valid()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];

        var draft = await Expect(await Admin.PutJson($"/api/workflows/{id}", Flow(id, "nobody")), HttpStatusCode.OK);
        Assert.Equal("draft", draft.GetProperty("status").GetString());
        Assert.True(draft.GetProperty("validation").GetProperty("valid").GetBoolean());

        var published = await Expect(await Admin.PostAsync($"/api/workflows/{id}/publish", null), HttpStatusCode.OK);
        Assert.Equal(("published", 1), (published.GetProperty("status").GetString(), published.GetProperty("version").GetInt32()));
    }

    [Fact]
    public async Task An_invalid_draft_is_saved_but_not_published()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];
        var invalid = new { id, name = "Lifts alone", start = "lift", activities = new object[] { new { id = "lift", type = "LiftSuspension" } } };

        var draft = await Expect(await Admin.PutJson($"/api/workflows/{id}", invalid), HttpStatusCode.OK);
        Assert.False(draft.GetProperty("validation").GetProperty("valid").GetBoolean());

        var problem = await ExpectProblem(await Admin.PostAsync($"/api/workflows/{id}/publish", null), HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.GetProperty("errors").EnumerateArray());
        Assert.Equal("lift", error.GetProperty("activityId").GetString());
        Assert.Equal("draft", (await Get(Admin, $"/api/workflows/{id}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Publishing_a_new_version_retires_the_previous_one()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];
        await Publish(Admin, Flow(id, "nobody"), id);

        await Publish(Admin, Flow(id, "nobody", "Lift now?"), id);

        var versions = (await Get(Admin, $"/api/workflows/{id}/versions")).EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("status").GetString())).ToList();
        Assert.Equal([(2, "published"), (1, "retired")], versions);
        var summary = Assert.Single((await Get(Admin, "/api/workflows")).EnumerateArray(), w => w.GetProperty("id").GetString() == id);
        Assert.Equal(2, summary.GetProperty("publishedVersion").GetInt32());
    }

    [Fact]
    public async Task A_running_instance_stays_on_the_version_it_started_with()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];
        var customer = await CreateCustomer(server.Client());
        await Publish(Admin, Flow(id, customer, "Version one"), id);
        await Accept(server.Client(Role.Integration), Invoice(customer));

        await Publish(Admin, Flow(id, customer, "Version two"), id);
        await Expect(await CompleteTask(server.Client(), await OpenLiftTask(server.Client(), customer), "Lift"), HttpStatusCode.OK);

        var instance = await Instance(server.Client(), customer, id);
        Assert.Equal(1, instance.GetProperty("definitionVersion").GetInt32());
        Assert.Equal("completed", instance.GetProperty("status").GetString());
        Assert.Equal("active", await Status(server.Client(), customer));
    }

    [Fact]
    public async Task A_trigger_filter_decides_which_customers_start_the_workflow()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];
        var chosen = await CreateCustomer(server.Client());
        var other = await CreateCustomer(server.Client());
        await Publish(Admin, Flow(id, chosen), id);

        await Accept(server.Client(Role.Integration), Invoice(other));
        await Accept(server.Client(Role.Integration), Invoice(chosen));

        Assert.Equal("active", await Status(server.Client(), other));
        Assert.Equal("suspended", await Status(server.Client(), chosen));
    }

    [Fact]
    public async Task A_trigger_filter_sees_what_its_own_event_changed()
    {
        var id = "custom-" + Guid.NewGuid().ToString("N")[..6];
        var customer = await CreateCustomer(server.Client());
        await Publish(Admin, Flow(id, customer, andFilter: "invoices.any(i => i.amount >= 500)"), id);

        await Accept(server.Client(Role.Integration), Invoice(customer, amount: 10));
        var afterSmall = await Status(server.Client(), customer);
        // The large invoice is written with the event, at the commit; the filter must already see it.
        await Accept(server.Client(Role.Integration), Invoice(customer, amount: 900));

        Assert.Equal("active", afterSmall);
        Assert.Equal("suspended", await Status(server.Client(), customer));
    }

    [Fact]
    public async Task The_id_in_the_body_must_match_the_url()
    {
        var problem = await ExpectProblem(await Admin.PutJson("/api/workflows/one-name", Flow("another-name", "nobody")), HttpStatusCode.BadRequest);

        Assert.Equal("$.id", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task Only_admins_edit_workflows()
    {
        await ExpectProblem(await server.Client(Role.Viewer).PutJson("/api/workflows/x", Flow("x", "nobody")), HttpStatusCode.Forbidden);
        await ExpectProblem(await server.Client(Role.Integration).GetAsync("/api/workflows"), HttpStatusCode.Forbidden);
    }
}
