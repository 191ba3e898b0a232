using System.CommandLine;
using System.Text.Json;
using Mediator;
using RuleSuspension.Application.Customers;
using RuleSuspension.Application.Events;
using RuleSuspension.Application.Invoices;
using RuleSuspension.Application.Jobs;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Infrastructure.Hosting;
using Spectre.Console;

namespace RuleSuspension.Server.Cli;

/// <summary>
/// <c>demo</c>: fills the database with a small story to look at in the console: sign-ups (one unverified), a plan
/// needing approval, a CRM escalation, overdue and exempt customers, then an overdue check. Idempotent: event ids are
/// fixed, so a second run changes nothing.
/// </summary>
internal static class DemoVerb
{
    private static readonly Actor Demo = Actor.Person("demo", Role.Integration);

    public static Command Create()
    {
        var command = new Command("demo", "Load demo customers and events (the shipped workflows act on them), then run an overdue check.") { TreatUnmatchedTokensAsErrors = false };
        command.SetAction((result, ct) => Verbs.WithServices(result, ct, async services =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            var sender = services.GetRequiredService<ISender>();

            foreach (var (id, name, verified, exempt) in new[]
            {
                ("demo-acme", "Acme Ltd", true, false),
                ("demo-globex", "Globex", false, false),
                ("demo-initech", "Initech", true, false),
                ("demo-umbrella", "Umbrella", true, false),
                ("demo-hooli", "Hooli (exempt)", true, true),
                ("demo-stark", "Stark Industries", true, false),
                ("demo-wayne", "Wayne Enterprises", true, false),
            })
            {
                await Send(sender, id, "customer.signed-up", new { customer = new { name, email = $"billing@{id}.example", tenantId = "demo", planId = "pro", identityVerified = verified, accountManagers = new[] { "am@host.example" } } }, ct);
                if (exempt)
                {
                    await sender.Send(
                        new Application.Customers.UpsertCustomer(id, new("demo", name, $"billing@{id}.example", "pro", [], verified, true, ["am@host.example"]), Demo, "Demo: a customer on an agreed payment plan"), ct);
                }
            }

            await Send(sender, "demo-stark", "customer.plan-changed", new { fromPlanId = "pro", toPlan = new { id = "enterprise", name = "Enterprise", requiresApproval = true } }, ct);
            await Send(sender, "demo-wayne", "crm.opportunity-added", new { opportunityId = "demo-opp-1", boardId = "collections", boardName = "Collections", stage = "Deactivate Account", value = 12000 }, ct);
            foreach (var (customer, daysOverdue) in new[] { ("demo-initech", 45), ("demo-umbrella", 10), ("demo-hooli", 90) })
            {
                var due = today.AddDays(-daysOverdue);
                await sender.Send(new UpsertInvoice($"inv-{customer}", customer, 249m, "EUR", due.AddDays(-14), due, null, Actor.System("demo")), ct);
            }

            var run = await RunOverdueCheck(services, ct);
            await Summarise(services, run, ct);
            return 0;
        }));
        return command;
    }

    private static async Task Send(ISender sender, string customerId, string type, object data, CancellationToken ct)
        => await sender.Send(new IngestEvent(new EventEnvelope($"demo-{type}-{customerId}", type, DateTimeOffset.UtcNow, customerId, JsonSerializer.SerializeToElement(data)), Demo), ct);

    private static async Task<OverdueCheckRun> RunOverdueCheck(IServiceProvider services, CancellationToken ct)
    {
        var sender = services.GetRequiredService<ISender>();
        var runId = await sender.Send(new RecordManualOverdueCheck(Demo), ct);
        return await sender.Send(new RunOverdueCheck(runId, "demo"), ct);
    }

    private static async Task Summarise(IServiceProvider services, OverdueCheckRun run, CancellationToken ct)
    {
        var table = new Table().AddColumns("customer", "status", "reason");
        // The check ran in its own units of work: the query reads what they stored (untracked), not what this scope remembers.
        var customers = await services.GetRequiredService<ISender>().Send(new ListCustomers("demo-", null, ListCustomers.MaxLimit), ct);
        foreach (var customer in customers.Where(c => c.Id.StartsWith("demo-", StringComparison.Ordinal)))
        {
            var active = customer.ActiveSuspension;
            table.AddRow(Markup.Escape(customer.Name), customer.Status.ToString().ToLowerInvariant(), Markup.Escape(active is null ? "" : $"{active.ReasonCode}: {active.ReasonText}"));
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Overdue check: {run.Checked} checked, {run.Warned} warned, {run.Suspended} suspended.");
        var key = services.GetRequiredService<AdminKeyFile>().Path;
        AnsiConsole.MarkupLineInterpolated($"Serve it (dotnet run --project src/RuleSuspension.Server) and sign in at http://127.0.0.1:5080 with the key in {key}.");
    }
}
