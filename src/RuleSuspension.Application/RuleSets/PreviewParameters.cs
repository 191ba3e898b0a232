using System.Diagnostics;
using System.Text.Json;
using Mediator;
using RuleSuspension.Domain.Common;
using RuleSuspension.Rules;

namespace RuleSuspension.Application.RuleSets;

/// <summary>
/// What-if before a threshold change: evaluates the current and the proposed parameter values over every stored
/// customer and answers both decision counts and the customers whose decision would change. Changes nothing.
/// </summary>
/// <param name="Page">Which page of changed customers (from 1; changes are in the book's customer order); null for the first.</param>
/// <param name="PageSize">Changed customers per page, 1 to <see cref="MaxPageSize"/>; null for <see cref="DefaultPageSize"/>.</param>
public sealed record PreviewParameters(
    string Name,
    IReadOnlyDictionary<string, JsonElement> Values,
    DateOnly? AsOf,
    int? Page,
    int? PageSize,
    IProgress<SimulationProgress>? Progress = null) : IQuery<ParameterPreview>
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>How far from today a preview's date may be (a future date is allowed here, unlike a live check).</summary>
    public const int MaxYearsFromToday = 10;
}

public sealed record ParameterPreview(
    string RuleSet,
    int Version,
    DateOnly? AsOf,
    int Customers,
    IReadOnlyDictionary<string, int> Current,
    IReadOnlyDictionary<string, int> Proposed,
    int Changed,
    int Page,
    int PageSize,
    IReadOnlyList<DecisionChange> Changes,
    double Seconds);

/// <summary>
/// One customer whose decision changes; the reason is the proposed decision's (the current one's when the proposed
/// values decide nothing).
/// </summary>
public sealed record DecisionChange(string CustomerId, string Name, string From, string To, string? ReasonCode, string? Message);

public sealed class PreviewParametersHandler(RuleSetCatalog catalog, CustomerBook book, TimeProvider clock) : IQueryHandler<PreviewParameters, ParameterPreview>
{
    public async ValueTask<ParameterPreview> Handle(PreviewParameters command, CancellationToken cancellationToken)
    {
        var page = command.Page ?? 1;
        var pageSize = command.PageSize ?? PreviewParameters.DefaultPageSize;
        if (page < 1)
        {
            throw DomainException.Invalid("page", "Pages count from 1.");
        }

        if (pageSize is < 1 or > PreviewParameters.MaxPageSize)
        {
            throw DomainException.Invalid("pageSize", $"The page size is 1 to {PreviewParameters.MaxPageSize}.");
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (command.AsOf is { } asOf && (asOf < today.AddYears(-PreviewParameters.MaxYearsFromToday) || asOf > today.AddYears(PreviewParameters.MaxYearsFromToday)))
        {
            throw DomainException.Invalid("asOf", $"A preview's date is within {PreviewParameters.MaxYearsFromToday} years of today.");
        }

        if (command.Values.Count == 0)
        {
            throw DomainException.Invalid("values", "Give the proposed values, e.g. { \"graceDays\": 45 }.");
        }

        var ruleSet = await catalog.GetAsync(command.Name, cancellationToken);
        var currentValues = ruleSet.Parameters;
        var proposedValues = EvaluateRuleSetHandler.Overrides(ruleSet, command.Values);
        var current = DecisionCounts.Empty();
        var proposed = DecisionCounts.Empty();
        var changes = new List<DecisionChange>(pageSize);
        var skip = (long)(page - 1) * pageSize;
        var changed = 0;
        var watch = Stopwatch.StartNew();
        var customers = await book.ForEachAsync($"Previewing {ruleSet.Name}", command.AsOf, (customer, facts) =>
        {
            var before = ruleSet.RuleSet.Evaluate(facts, currentValues);
            var after = ruleSet.RuleSet.Evaluate(facts, proposedValues);
            current[DecisionCounts.Name(before.Outcome)]++;
            proposed[DecisionCounts.Name(after.Outcome)]++;
            if (before.Outcome == after.Outcome)
            {
                return;
            }

            // Only the page is kept: the counts need the whole book, the list does not.
            if (changed++ >= skip && changes.Count < pageSize)
            {
                var reason = after.Outcome == DecisionOutcome.None ? before : after;
                changes.Add(new DecisionChange(customer.Id, customer.Name, DecisionCounts.Name(before.Outcome), DecisionCounts.Name(after.Outcome), reason.ReasonCode, reason.Message));
            }
        }, command.Progress, cancellationToken);

        return new ParameterPreview(ruleSet.Name, ruleSet.Version, command.AsOf, customers, current, proposed, changed, page, pageSize, changes, watch.Elapsed.TotalSeconds);
    }
}
