using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Decisions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Decisions;

/// <summary>A decision in a customer's list: what decided and what came out, without the facts.</summary>
public sealed record DecisionSummary(Guid Id, string CustomerId, DateTimeOffset DecidedAt, string Origin, string RuleSetKind, string RuleSetName, int RuleSetVersion, string Outcome, string? ReasonCode, string? Message)
{
    public static DecisionSummary From(DecisionRecord d)
        => new(d.Id, d.CustomerId, d.DecidedAt, d.Origin, d.RuleSetKind, d.RuleSetName, d.RuleSetVersion, d.Outcome, d.ReasonCode, d.Message);
}

/// <summary>A decision with everything it was made from.</summary>
public sealed record DecisionDetails(
    Guid Id, string CustomerId, DateTimeOffset DecidedAt, string Origin, string RuleSetKind, string RuleSetName, int RuleSetVersion, string? RuleSetSource,
    JsonElement Parameters, JsonElement Facts, DecisionResult Result)
{
    public static DecisionDetails From(DecisionRecord d) => new(
        d.Id, d.CustomerId, d.DecidedAt, d.Origin, d.RuleSetKind, d.RuleSetName, d.RuleSetVersion, d.RuleSetSource,
        JsonDocument.Parse(d.Parameters).RootElement.Clone(), JsonDocument.Parse(d.Facts).RootElement.Clone(), DecisionResult.Of(d));
}

public sealed class DecisionQueries(RuleSuspensionDb db)
{
    /// <summary>Most decisions a list answers (newest first).</summary>
    public const int MaxListed = 200;

    public async Task<IReadOnlyList<DecisionSummary>> ForCustomerAsync(string customerId, CancellationToken cancellationToken)
    {
        var records = await db.DecisionRecords.AsNoTracking().Where(d => d.CustomerId == customerId)
            .OrderByDescending(d => d.DecidedAt).Take(MaxListed).ToListAsync(cancellationToken);
        return records.Select(DecisionSummary.From).ToList();
    }

    public async Task<DecisionDetails> GetAsync(Guid id, CancellationToken cancellationToken)
        => DecisionDetails.From(await db.DecisionRecords.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                                ?? throw DomainException.NotFound("Decision", id.ToString()));
}
