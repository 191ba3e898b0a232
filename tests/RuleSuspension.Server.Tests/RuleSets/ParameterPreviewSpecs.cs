using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

/// <summary>
/// What-if before a threshold change (<c>POST /api/rulesets/{name}/parameters/preview</c>): both decision counts and the
/// customers whose decision changes, over every stored customer, changing nothing.
/// </summary>
public class ParameterPreviewSpecs(ParameterPreviewSpecs.Book book) : IClassFixture<ParameterPreviewSpecs.Book>
{
    private const string Preview = "/api/rulesets/non-payment/parameters/preview";

    /// <summary>A server with a small book: customers 5, 15, 25, 35 and 200 days overdue, one without invoices and one exempt.</summary>
    public sealed class Book : IAsyncLifetime
    {
        public TestServer Server { get; } = new();

        public async Task InitializeAsync()
        {
            await Server.InitializeAsync();
            var client = Server.Client();
            foreach (var days in new[] { 5, 15, 25, 35, 200 })
            {
                await OverdueCustomer(client, $"pv-{days:D3}", days);
            }

            await CreateCustomer(client, "pv-no-invoices");
            await OverdueCustomer(client, "pv-exempt", 20, exempt: true);
        }

        public Task DisposeAsync() => Server.DisposeAsync();

        private static async Task OverdueCustomer(HttpClient client, string id, int daysOverdue, bool exempt = false)
        {
            await CreateCustomer(client, id, exempt);
            var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-daysOverdue);
            await Expect(await client.PutJson($"/api/invoices/inv-{id}", new { customerId = id, amount = 80m, currency = "EUR", issuedAt = due.AddDays(-14), dueDate = due }), HttpStatusCode.Created);
        }
    }

    private TestServer Server => book.Server;

    [Fact]
    public async Task Preview_counts_equal_simulations_with_the_current_and_the_proposed_values()
    {
        var finance = Server.Client(Role.Finance);

        var preview = await Expect(await finance.PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.OK);
        var now = await Expect(await finance.PostJson("/api/rulesets/non-payment/simulate", new { }), HttpStatusCode.OK);
        var proposed = await Expect(await finance.PostJson("/api/rulesets/non-payment/simulate", new { parameters = new { graceDays = 10 } }), HttpStatusCode.OK);

        Assert.Equal(Counts(now.GetProperty("decisions")), Counts(preview.GetProperty("current")));
        Assert.Equal(Counts(proposed.GetProperty("decisions")), Counts(preview.GetProperty("proposed")));
        Assert.Equal(now.GetProperty("customers").GetInt32(), preview.GetProperty("customers").GetInt32());
    }

    [Fact]
    public async Task Changed_customers_are_exactly_those_whose_dry_run_differs()
    {
        var finance = Server.Client(Role.Finance);
        var ids = await Server.InScopeAsync(db => db.Customers.Select(c => c.Id).ToListAsync());
        var expected = new Dictionary<string, (string From, string To)>();
        foreach (var id in ids)
        {
            var from = await DryRun(finance, new { customerId = id });
            var to = await DryRun(finance, new { customerId = id, parameters = new { graceDays = 10 } });
            if (from != to)
            {
                expected[id] = (from, to);
            }
        }

        var preview = await Expect(await finance.PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.OK);

        var changes = preview.GetProperty("changes").EnumerateArray()
            .ToDictionary(c => c.GetProperty("customerId").GetString()!, c => (c.GetProperty("from").GetString()!, c.GetProperty("to").GetString()!));
        Assert.Equal(expected.OrderBy(e => e.Key), changes.OrderBy(c => c.Key));
        Assert.Equal(expected.Count, preview.GetProperty("changed").GetInt32());
        Assert.NotEmpty(expected);
    }

    [Fact]
    public async Task A_change_names_the_reason_of_the_new_decision()
    {
        var preview = await Expect(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.OK);

        var change = preview.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("customerId").GetString() == "pv-015");
        Assert.Equal("warn", change.GetProperty("from").GetString());
        Assert.Equal("suspend", change.GetProperty("to").GetString());
        Assert.Equal("non-payment", change.GetProperty("reasonCode").GetString());
        Assert.Contains("10", change.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Preview_writes_nothing()
    {
        var before = await Server.InScopeAsync(Fingerprint);

        await Expect(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { graceDays = 1, warningDays = 1 } }), HttpStatusCode.OK);

        Assert.Equal(before, await Server.InScopeAsync(Fingerprint));
    }

    [Fact]
    public async Task Changed_customers_come_in_pages()
    {
        var finance = Server.Client(Role.Finance);
        var all = await Expect(await finance.PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.OK);

        var second = await Expect(await finance.PostJson(Preview, new { values = new { graceDays = 10 }, page = 2, pageSize = 1 }), HttpStatusCode.OK);

        Assert.Equal(all.GetProperty("changes")[1].GetProperty("customerId").GetString(), Assert.Single(second.GetProperty("changes").EnumerateArray()).GetProperty("customerId").GetString());
        Assert.Equal(all.GetProperty("changed").GetInt32(), second.GetProperty("changed").GetInt32());
    }

    [Fact]
    public async Task A_future_date_is_previewed()
    {
        var inTwentyDays = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(20);

        var preview = await Expect(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { graceDays = 30 }, asOf = inTwentyDays }), HttpStatusCode.OK);

        // 15 days overdue today is 35 days overdue then: past the 30 grace days.
        Assert.Equal(inTwentyDays.ToString("yyyy-MM-dd"), preview.GetProperty("asOf").GetString());
        Assert.True(preview.GetProperty("current").GetProperty("suspend").GetInt32() >= 3);
    }

    [Fact]
    public async Task An_unknown_threshold_is_refused_by_name()
    {
        var problem = await ExpectProblem(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { gracePeriod = 10 } }), HttpStatusCode.BadRequest);

        Assert.Contains("gracePeriod", problem.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_threshold_out_of_bounds_is_refused()
    {
        var problem = await ExpectProblem(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { graceDays = 400 } }), HttpStatusCode.BadRequest);

        Assert.Equal("$.values.graceDays", problem.GetProperty("errors")[0].GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_page_size_over_the_limit_is_refused()
        => await ExpectProblem(await Server.Client(Role.Finance).PostJson(Preview, new { values = new { graceDays = 10 }, pageSize = 501 }), HttpStatusCode.BadRequest);

    [Fact]
    public async Task Admins_may_preview()
        => await Expect(await Server.Client(Role.Admin).PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.OK);

    [Theory]
    [InlineData(Role.Viewer)]
    [InlineData(Role.Integration)]
    public async Task Previewing_is_forbidden_to(Role role)
        => await ExpectProblem(await Server.Client(role).PostJson(Preview, new { values = new { graceDays = 10 } }), HttpStatusCode.Forbidden);

    private static Dictionary<string, int> Counts(JsonElement counts)
        => counts.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());

    private static async Task<string> DryRun(HttpClient client, object body)
        => (await Expect(await client.PostJson("/api/rulesets/non-payment/evaluate", body), HttpStatusCode.OK))
            .GetProperty("decision").GetProperty("outcome").GetString()!.ToLowerInvariant();

    private static async Task<string> Fingerprint(Persistence.RuleSuspensionDb db)
        => string.Join(",",
            await db.Customers.CountAsync(), await db.Customers.SumAsync(c => c.Version), await db.Suspensions.CountAsync(), await db.Invoices.CountAsync(),
            await db.AuditEntries.CountAsync(), await db.RuleSetVersions.CountAsync(), await db.WorkflowInstances.CountAsync(), await db.WorkflowJournal.CountAsync(),
            await db.Tasks.CountAsync(), await db.Outbox.CountAsync(), await db.OverdueWarnings.CountAsync(), await db.Events.CountAsync(), await db.CatalogueChanges.CountAsync());
}
