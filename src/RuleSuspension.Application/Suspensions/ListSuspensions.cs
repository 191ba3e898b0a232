using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Suspensions;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Suspensions;

/// <summary>A customer's suspensions, lifted or not, newest first; an unknown customer is a 404.</summary>
public sealed record ListSuspensions(string CustomerId) : IQuery<IReadOnlyList<Suspension>>;

public sealed class ListSuspensionsHandler(RuleSuspensionDb db) : IQueryHandler<ListSuspensions, IReadOnlyList<Suspension>>
{
    public async ValueTask<IReadOnlyList<Suspension>> Handle(ListSuspensions query, CancellationToken cancellationToken)
    {
        if (!await db.Customers.AnyAsync(c => c.Id == query.CustomerId, cancellationToken))
        {
            throw DomainException.NotFound("Customer", query.CustomerId);
        }

        var history = await db.Suspensions.AsNoTracking().Where(s => s.CustomerId == query.CustomerId).ToListAsync(cancellationToken);
        return history.OrderByDescending(s => s.SuspendedAt).ToList();
    }
}
