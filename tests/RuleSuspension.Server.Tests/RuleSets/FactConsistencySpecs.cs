using System.Net;
using RuleSuspension.Domain.Access;
using RuleSuspension.Server.Tests.Infrastructure;
using static RuleSuspension.Server.Tests.Infrastructure.Api;

namespace RuleSuspension.Server.Tests.RuleSets;

public class FactConsistencySpecs(TestServer server) : IClassFixture<TestServer>
{
    private Task<HttpResponseMessage> DryRun(object invoice, string? asOf = null) => server.Client(Role.Finance).PostJson("/api/rulesets/non-payment/evaluate", new
    {
        facts = new { customer = new { id = "c-facts" }, invoices = new[] { invoice }, today = "2026-03-01" },
        asOf,
    });

    [Fact]
    public async Task A_dry_run_on_an_invoice_paid_with_money_still_due_is_refused_naming_the_field()
    {
        var response = await DryRun(new { id = "inv-1", amount = 100, paid = true, paidAt = "2026-02-01", amountDue = 40 });

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.facts.invoices[0].amountDue", problem.ToString());
    }

    [Fact]
    public async Task A_dry_run_whose_as_of_date_disagrees_with_the_invoices_clock_is_refused()
    {
        var response = await DryRun(new { id = "inv-1", amount = 100, amountDue = 100, daysOverdue = 40, computedAsOf = "2026-03-01" }, asOf: "2026-04-01");

        var problem = await ExpectProblem(response, HttpStatusCode.BadRequest);
        Assert.Contains("$.facts.invoices[0].computedAsOf", problem.ToString());
    }
}
