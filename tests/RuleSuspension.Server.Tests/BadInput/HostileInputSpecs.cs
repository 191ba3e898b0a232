using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>The cases of issue #10 whose answer is not a refusal: what the server does instead.</summary>
public class HostileInputSpecs(TestServer server) : IClassFixture<TestServer>
{
    [Fact]
    public async Task A_non_ascii_customer_id_works_end_to_end()
    {
        var response = await server.Client().PutAsync("/api/customers/%C3%A9-new", Json("""{"name":"Élodie","email":"e@host.test","tenantId":"t-1"}"""));

        await Expect(response, HttpStatusCode.Created);
        Assert.Equal("/api/customers/%C3%A9-new", response.Headers.Location?.OriginalString);
        Assert.Equal("é-new", (await Get(server.Client(), "/api/customers/%C3%A9-new")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Invoice_changes_are_audited_with_before_and_after()
    {
        var customer = await CreateCustomer(server.Client());
        var invoice = "inv-audit-" + customer;
        var finance = server.Client(Role.Finance);

        await Expect(await finance.PutJson($"/api/invoices/{invoice}", new { customerId = customer, amount = 10m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" }), HttpStatusCode.Created);
        await Expect(await finance.PutJson($"/api/invoices/{invoice}", new { customerId = customer, amount = 25m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" }), HttpStatusCode.OK);
        await Expect(await PostEvent(server.Client(Role.Integration), Event("invoice.paid", customer, new { invoiceId = invoice, paidAt = DateTimeOffset.UtcNow })), HttpStatusCode.Accepted);

        var entries = await server.InScopeAsync(db => db.AuditEntries.Where(a => a.CustomerId == customer && a.Action.StartsWith("invoice.")).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["invoice.created", "invoice.updated", "invoice.paid"], entries.Select(e => e.Action));
        Assert.Contains("\"amount\":10", entries[1].Details);
        Assert.Contains("\"amount\":25", entries[1].Details);
    }

    [Fact]
    public async Task An_unchanged_invoice_writes_no_audit_entry()
    {
        var customer = await CreateCustomer(server.Client());
        var invoice = new { customerId = customer, amount = 10m, currency = "EUR", issuedAt = "2026-10-01", dueDate = "2026-10-31" };
        await Expect(await server.Client().PutJson($"/api/invoices/inv-same-{customer}", invoice), HttpStatusCode.Created);

        await Expect(await server.Client().PutJson($"/api/invoices/inv-same-{customer}", invoice), HttpStatusCode.OK);

        Assert.Equal(1, await server.InScopeAsync(db => db.AuditEntries.CountAsync(a => a.CustomerId == customer && a.Action.StartsWith("invoice."))));
    }

    [Fact]
    public async Task Evaluating_a_stored_customer_without_an_event_answers_200()
    {
        var customer = await CreateCustomer(server.Client());

        var result = await Expect(await server.Client(Role.Finance).PostJson("/api/rulesets/plan-change/evaluate", new { customerId = customer }), HttpStatusCode.OK);

        Assert.Equal(customer, result.GetProperty("customerId").GetString());
    }

    [Fact]
    public async Task Unchanged_threshold_values_make_no_new_version()
    {
        var finance = server.Client(Role.Finance);
        var first = await Expect(await finance.PutJson("/api/rulesets/non-payment/parameters", new { values = new { warningDays = 9 } }), HttpStatusCode.OK);

        var again = await Expect(await finance.PutJson("/api/rulesets/non-payment/parameters", new { values = new { warningDays = 9 } }), HttpStatusCode.OK);

        Assert.Equal(first.GetProperty("version").GetInt32(), again.GetProperty("version").GetInt32());
        Assert.Equal(first.GetProperty("version").GetInt32(), (await Get(finance, "/api/rulesets/non-payment")).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Grace_days_of_30_point_0_are_the_whole_number_30()
    {
        var response = await server.Client(Role.Finance).PutAsync("/api/rulesets/non-payment/parameters", Json("""{"values":{"graceDays":31.0}}"""));

        var answer = await Expect(response, HttpStatusCode.OK);
        var grace = answer.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "graceDays");
        Assert.Equal(31m, grace.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_reason_with_line_breaks_and_accents_is_accepted()
    {
        var customer = await CreateCustomer(server.Client());
        await Expect(await Suspend(server.Client(), customer, reason: "Fraude signalée\nvoir le dossier"), HttpStatusCode.Created);

        await Expect(await Lift(server.Client(), customer, "Vérifié avec le client\r\n— réglé"), HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/health")]
    [InlineData("/api/me")]
    [InlineData("/api/rulesets")]
    [InlineData("/api/customers")]
    public async Task HEAD_answers_where_GET_does(string url)
    {
        var response = await server.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, url));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task HEAD_of_a_missing_customer_is_404_like_GET()
    {
        var response = await server.Client().SendAsync(new HttpRequestMessage(HttpMethod.Head, "/api/customers/c-nobody"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/me", HttpStatusCode.OK)]
    [InlineData("/api/customers/c-nobody", HttpStatusCode.NotFound)]
    [InlineData("/health", HttpStatusCode.OK)]
    public async Task Every_answer_carries_the_security_headers(string url, HttpStatusCode status)
    {
        var response = await server.Client().GetAsync(url);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task An_answer_without_a_key_carries_the_security_headers_too()
    {
        var response = await server.Client(role: null).GetAsync("/api/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_data_directory_and_its_files_are_owner_only()
    {
        await CreateCustomer(server.Client());

        var files = Directory.EnumerateFiles(server.DataDirectory, "*", SearchOption.AllDirectories).ToList();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(server.DataDirectory));
        Assert.Contains(files, f => f.EndsWith("admin.key", StringComparison.Ordinal));
        Assert.Contains(files, f => f.Contains("logs", StringComparison.Ordinal));
        Assert.All(files, f => Assert.True(File.GetUnixFileMode(f) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{f} is {File.GetUnixFileMode(f)}"));
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
