using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

public static class CustomerQueries
{
    /// <summary>Loads a customer with its active suspension (the part of the aggregate its invariants need).</summary>
    public static Task<Customer?> FindWithActiveSuspensionAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => db.Customers.Include(c => c.Suspensions.Where(s => s.LiftedAt == null)).FirstOrDefaultAsync(c => c.Id == id, cancellationToken);

    public static async Task<Customer> GetWithActiveSuspensionAsync(this RuleSuspensionDb db, string id, CancellationToken cancellationToken)
        => await db.FindWithActiveSuspensionAsync(id, cancellationToken) ?? throw DomainException.NotFound("Customer", id);
}
