using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

/// <summary>
/// Customers by id, each with its active suspension; <c>Search</c> matches id, name or email (any case), <c>Status</c>
/// is <c>active</c> or <c>suspended</c> (anything else lists both).
/// </summary>
public sealed record ListCustomers(string? Search, string? Status, int? Limit) : IQuery<IReadOnlyList<Customer>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;
}

public sealed class ListCustomersHandler(RuleSuspensionDb db) : IQueryHandler<ListCustomers, IReadOnlyList<Customer>>
{
    public async ValueTask<IReadOnlyList<Customer>> Handle(ListCustomers query, CancellationToken cancellationToken)
    {
        var customers = db.Customers.AsNoTracking().Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).AsQueryable();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            customers = customers.Where(c => c.Id.ToLower().Contains(term) || c.Name.ToLower().Contains(term) || c.Email.ToLower().Contains(term));
        }

        if (query.Status is "active" or "suspended")
        {
            var wanted = query.Status == "suspended" ? CustomerStatus.Suspended : CustomerStatus.Active;
            customers = customers.Where(c => c.Status == wanted);
        }

        var limit = Math.Clamp(query.Limit ?? ListCustomers.DefaultLimit, 1, ListCustomers.MaxLimit);
        return await customers.OrderBy(c => c.Id).Take(limit).ToListAsync(cancellationToken);
    }
}
