using System.Text.Json;
using Mediator;
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

/// <summary>A customer's decisions, newest first, at most <see cref="MaxListed"/>.</summary>
public sealed record ListCustomerDecisions(string CustomerId) : IQuery<IReadOnlyList<DecisionSummary>>
{
    public const int MaxListed = 200;
}

/// <summary>One decision with its facts; not found is a 404.</summary>
public sealed record GetDecision(Guid Id) : IQuery<DecisionDetails>;

public sealed class ListCustomerDecisionsHandler(RuleSuspensionDb db) : IQueryHandler<ListCustomerDecisions, IReadOnlyList<DecisionSummary>>
{
    public async ValueTask<IReadOnlyList<DecisionSummary>> Handle(ListCustomerDecisions query, CancellationToken cancellationToken)
    {
        var records = await db.DecisionRecords.AsNoTracking().Where(d => d.CustomerId == query.CustomerId)
            .OrderByDescending(d => d.DecidedAt).Take(ListCustomerDecisions.MaxListed).ToListAsync(cancellationToken);
        return records.Select(DecisionSummary.From).ToList();
    }
}

public sealed class GetDecisionHandler(RuleSuspensionDb db) : IQueryHandler<GetDecision, DecisionDetails>
{
    public async ValueTask<DecisionDetails> Handle(GetDecision query, CancellationToken cancellationToken)
        => DecisionDetails.From(await db.DecisionRecords.AsNoTracking().FirstOrDefaultAsync(d => d.Id == query.Id, cancellationToken)
                                ?? throw DomainException.NotFound("Decision", query.Id.ToString()));
}
