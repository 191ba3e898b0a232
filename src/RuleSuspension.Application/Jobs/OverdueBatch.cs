using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Mediator;
using RuleSuspension.Application.Decisions;
using RuleSuspension.Application.Facts;
using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;
using RuleSuspension.Persistence.Telemetry;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Application.Jobs;

/// <summary>What one batch did.</summary>
internal sealed record BatchOutcome(int Checked, int Warned, int Suspended, IReadOnlyList<CustomerFailure> Failures)
{
    public static BatchOutcome Sum(IEnumerable<BatchOutcome> parts)
    {
        var list = parts.ToList();
        return new BatchOutcome(list.Sum(p => p.Checked), list.Sum(p => p.Warned), list.Sum(p => p.Suspended), list.SelectMany(p => p.Failures).ToList());
    }
}

/// <summary>A customer the check failed for; when its workflow faulted, the instance (the incident to mend).</summary>
internal sealed record CustomerFailure(string CustomerId, string Error, Guid? WorkflowInstanceId = null);

/// <summary>Checks one batch of an overdue run's candidates (in id order) in one transaction.</summary>
internal sealed record CheckOverdueBatch(OverdueRun Run, IReadOnlyList<string> CustomerIds) : ICommand<BatchOutcome>;

/// <summary>
/// Checks one batch of customers in one transaction: loads them with their invoices, decides each with the rule set on
/// the tenant's "today", suspends or warns, and commits once. The customers are locked for the transaction through the
/// same lock as one customer's (<see cref="CustomerLock.AcquireAllAsync"/>: the same turns on SQLite, the catalogue's
/// stamp read with the locks), so an event for one of them waits rather than interleaves. A batch that fails commits
/// nothing; the run then checks its customers one at a time (<see cref="RunOverdueCheckHandler"/>).
/// </summary>
internal sealed class CheckOverdueBatchHandler(
    RuleSuspensionDb db,
    CustomerLock locks,
    SuspensionPolicy policy,
    WorkflowStarter starter,
    PreloadedFacts preloaded,
    DecisionRecorder recorder,
    OverdueCheckOptions options) : ICommandHandler<CheckOverdueBatch, BatchOutcome>
{
    /// <summary>Who decided: the suspension's <c>DecidedBy</c>.</summary>
    public const string DecidedBy = "overdue-check";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask<BatchOutcome> Handle(CheckOverdueBatch command, CancellationToken cancellationToken)
    {
        var (run, customerIds) = (command.Run, command.CustomerIds);
        await using var locked = await locks.AcquireAllAsync(db, customerIds, cancellationToken);

        var ids = customerIds.ToList();
        var customers = await db.Customers.Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).Where(c => ids.Contains(c.Id)).ToListAsync(cancellationToken);
        var invoices = (await db.Invoices.AsNoTracking().Where(i => ids.Contains(i.CustomerId)).ToListAsync(cancellationToken)).ToLookup(i => i.CustomerId);
        var warned = (await db.OverdueWarnings.AsNoTracking().Where(w => ids.Contains(w.CustomerId)).Select(w => new { w.CustomerId, w.InvoiceId }).ToListAsync(cancellationToken))
            .Select(w => (w.CustomerId, w.InvoiceId)).ToHashSet();

        // The published overdue workflow does the suspending and warning (and opens the lift task) when there is one;
        // it runs inside this transaction, under the locks taken above.
        var workflow = run.Workflow is null ? null : await starter.PublishedAsync(run.Workflow, cancellationToken);

        // With the workflow published, its EvaluateRuleSet step records the decision it acts on; without it, the check does.
        var decisions = workflow is null ? recorder : null;
        int @checked = 0, warnedCount = 0, suspended = 0;
        var failures = new List<CustomerFailure>();
        foreach (var customer in customers)
        {
            // Suspended or made exempt for good since the query found it: nothing to do. An exemption with a last day
            // is the rules' to judge (customer.exempt is false after it, on the tenant's calendar).
            if (customer.Status == CustomerStatus.Suspended || customer is { Exempt: true, ExemptUntil: null })
            {
                continue;
            }

            @checked++;
            OverdueAction? action;
            try
            {
                action = Decide(run, customer, invoices[customer.Id], warned);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(new CustomerFailure(customer.Id, Describe(e)));
                continue;
            }

            // A workflow started below counts its own decision (and records it); the others are counted here, once.
            if (workflow is null || action is null)
            {
                ServiceMetrics.Decision(action switch { Suspend => "Suspend", Warn => "Warn", _ => "None" }, run.RuleSet.Name);
            }

            if (action is not null)
            {
                decisions?.Record(DecisionRecorder.OverdueCheck, run.RuleSet, action.Facts, action.Decision);
            }

            switch (action)
            {
                case Suspend suspend when workflow is not null:
                    // A failure here may leave this customer's steps half-written in the transaction: it must fail
                    // the batch (retried customer by customer), not be swallowed.
                    preloaded.Offer(customer.Id, suspend.Today, suspend.Facts);
                    if (Faulted(await starter.StartAsync(workflow, customer.Id, suspend.Today, cancellationToken)) is { } suspendFault)
                    {
                        failures.Add(suspendFault);
                    }
                    else
                    {
                        suspended++;
                    }

                    break;
                case Suspend suspend:
                    try
                    {
                        var suspension = customer.Suspend(SuspensionDecision.Automatic(suspend.ReasonCode, suspend.Message, DecidedBy, ruleName: suspend.RuleName), policy, run.Now, suspend.Today);
                        db.Outbox.Add(Notification(NotificationTypes.CustomerSuspended, customer.Id, run, new { reasonCode = suspend.ReasonCode, message = suspend.Message, suspensionId = suspension.Id }));
                        suspended++;
                    }
                    catch (DomainException e)
                    {
                        failures.Add(new CustomerFailure(customer.Id, e.Message));
                    }

                    break;
                case Warn warn:
                    db.OverdueWarnings.AddRange(warn.InvoiceIds.Select(invoiceId => new OverdueWarning(customer.Id, invoiceId, run.RunId, run.Now)));
                    if (workflow is not null)
                    {
                        preloaded.Offer(customer.Id, warn.Today, warn.Facts);
                        if (Faulted(await starter.StartAsync(workflow, customer.Id, warn.Today, cancellationToken)) is { } warnFault)
                        {
                            failures.Add(warnFault);
                            break;
                        }
                    }
                    else
                    {
                        db.Outbox.Add(Notification(NotificationTypes.CustomerWarned, customer.Id, run, new { reasonCode = warn.ReasonCode, message = warn.Message, invoiceIds = warn.InvoiceIds }));
                    }

                    warnedCount++;
                    break;
            }
        }

        // A batch adds about a dozen rows per suspended customer: written set-based, not one INSERT each.
        await locked.CommitAsync(options.SetBasedWrites ? AddedRowsWrite.SetBased : AddedRowsWrite.Save, cancellationToken);
        return new BatchOutcome(@checked, warnedCount, suspended, failures);
    }

    /// <summary>A workflow that faulted is an incident, committed with the batch: the run counts it as a failure that names it.</summary>
    private static CustomerFailure? Faulted(WorkflowInstance instance)
        => instance.Status == WorkflowStatus.Faulted ? new CustomerFailure(instance.CustomerId, instance.Fault ?? "The workflow faulted.", instance.Id) : null;

    /// <summary>The rule set's decision on the customer's facts as of the tenant's today; a warning only about invoices not warned of before.</summary>
    internal static OverdueAction? Decide(OverdueRun run, Customer customer, IEnumerable<Invoice> invoices, IReadOnlySet<(string CustomerId, string InvoiceId)> warned)
    {
        var today = run.TodayFor(customer.TenantId);
        if (customer.IsExemptOn(today))
        {
            return null;
        }

        var plan = customer.PlanId is { } planId ? run.Plans.GetValueOrDefault(planId) : null;
        var facts = FactBuilder.From(customer, invoices, plan, null, null, today, run.Now);
        var decision = run.RuleSet.RuleSet.Evaluate(facts, run.RuleSet.Parameters);
        switch (decision.Outcome)
        {
            case DecisionOutcome.Suspend:
                return new Suspend(
                    today,
                    facts,
                    decision,
                    decision.ReasonCode ?? ReasonCodes.NonPayment,
                    decision.Message is { Length: > 0 } message ? message : "Overdue invoices past the grace period.",
                    FiredRuleOf(decision, "suspend"));
            case DecisionOutcome.Warn:
                var fresh = facts.Invoices
                    .Where(i => i.AmountDue > 0 && i.DaysOverdue >= run.WarningDays && !warned.Contains((customer.Id, i.Id)))
                    .Select(i => i.Id).ToList();
                return fresh.Count == 0 ? null : new Warn(today, facts, decision, decision.ReasonCode ?? ReasonCodes.NonPayment, decision.Message ?? "Overdue invoices.", fresh);
            default:
                return null;
        }
    }

    private static string? FiredRuleOf(RuleSetDecision decision, string actionType)
        => decision.FiredRules.FirstOrDefault(r => r.Actions.Any(a => a.Type == actionType))?.Rule;

    private static OutboxMessage Notification(string type, string customerId, OverdueRun run, object data)
    {
        var payload = JsonSerializer.SerializeToNode(data, Json)!.AsObject();
        payload["customerId"] = customerId;
        payload["overdueCheck"] = new System.Text.Json.Nodes.JsonObject { ["runId"] = run.RunId.ToString(), ["asOf"] = run.Clock.Instant };

        // Derived from run, customer and type: a batch retried after a failed commit writes the same message, not a second one.
        return new OutboxMessage(StableId(run.RunId, customerId, type), type, customerId, payload.ToJsonString(), run.Now);
    }

    internal static Guid StableId(Guid runId, string customerId, string type)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{runId:N}/{customerId}/{type}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    internal static string Describe(Exception e) => e is DbUpdateException { InnerException: { } inner } ? inner.Message : e.Message;
}

/// <summary>What the check does for a customer; <c>Facts</c> are what it decided on, handed to the workflow it starts.</summary>
internal abstract record OverdueAction(DateOnly Today, FactSet Facts, RuleSetDecision Decision);

internal sealed record Suspend(DateOnly Today, FactSet Facts, RuleSetDecision Decision, string ReasonCode, string Message, string? RuleName) : OverdueAction(Today, Facts, Decision);

internal sealed record Warn(DateOnly Today, FactSet Facts, RuleSetDecision Decision, string ReasonCode, string Message, IReadOnlyList<string> InvoiceIds) : OverdueAction(Today, Facts, Decision);
