using System.Collections.Concurrent;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Application.Facts;

/// <summary>
/// Facts a batch already built from rows it loaded (the overdue check loads a batch of customers with their invoices
/// in two queries): the workflow it starts for a customer takes them instead of querying again. Scoped to the batch's
/// unit of work; each entry is taken once, so later steps of the run build fresh facts that see the run's changes.
/// </summary>
public sealed class PreloadedFacts
{
    private readonly ConcurrentDictionary<(string CustomerId, DateOnly? AsOf), FactSet> _facts = new();

    public void Offer(string customerId, DateOnly? asOf, FactSet facts) => _facts[(customerId, asOf)] = facts;

    public FactSet? Take(string customerId, DateOnly? asOf) => _facts.TryRemove((customerId, asOf), out var facts) ? facts : null;
}
