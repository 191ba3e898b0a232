using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Application.Tenants;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Application.Jobs;

/// <summary>What every batch of one run shares: its clock, the rule set and finance's values, tenants' zones, plans.</summary>
internal sealed class OverdueRun
{
    private readonly TenantCalendar _calendar;

    private OverdueRun(Guid runId, CurrentRuleSet ruleSet, string? workflow, TenantCalendar calendar, IReadOnlyDictionary<string, Plan> plans, DateTimeOffset now)
    {
        Workflow = workflow;
        RunId = runId;
        RuleSet = ruleSet;
        _calendar = calendar;
        Plans = plans;
        Now = now;
        WarningDays = IntegerParameter(ruleSet, "warningDays") ?? 1;
    }

    public Guid RunId { get; }

    public CheckClock Clock => _calendar.Clock;

    public CurrentRuleSet RuleSet { get; }

    public IReadOnlyDictionary<string, Plan> Plans { get; }

    /// <summary>The workflow run per customer to act (null when it is not published: the check then acts itself).</summary>
    public string? Workflow { get; }

    /// <summary>The check's instant, as the rules' <c>now</c>.</summary>
    public DateTimeOffset Now { get; }

    /// <summary>From how many days overdue an invoice is part of a warning (the rule set's <c>warningDays</c>).</summary>
    public int WarningDays { get; }

    public static async Task<OverdueRun> LoadAsync(RuleSuspensionDb db, RuleSetCatalog catalog, OverdueCheckOptions options, Guid runId, CheckClock clock, CancellationToken cancellationToken)
    {
        var current = await catalog.GetAsync(options.RuleSet, cancellationToken);
        var workflow = await db.WorkflowVersions.AnyAsync(v => v.DefinitionId == options.Workflow && v.Status == WorkflowVersionStatus.Published, cancellationToken)
            ? options.Workflow
            : null;

        // Tenants and plans are few next to customers: one read each per run.
        var calendar = await TenantCalendar.LoadAsync(db, clock, cancellationToken);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        return new OverdueRun(runId, current, workflow, calendar, plans, clock.Instant);
    }

    /// <summary>"Today" for a customer of <paramref name="tenantId"/>; a tenant that never set a zone counts in UTC.</summary>
    /// <remarks>Batches checked at once share the run; the calendar fills its cache of zones as it goes.</remarks>
    public DateOnly TodayFor(string tenantId)
    {
        lock (_calendar)
        {
            return _calendar.TodayFor(tenantId);
        }
    }

    private static int? IntegerParameter(CurrentRuleSet ruleSet, string name)
    {
        var value = ruleSet.Parameters.Values.TryGetValue(name, out var set) ? set
            : ruleSet.RuleSet.Parameters.FirstOrDefault(p => p.Name == name)?.Default;
        return value is { ValueKind: JsonValueKind.Number } number && number.TryGetDecimal(out var days) ? (int)Math.Ceiling(days) : null;
    }
}
