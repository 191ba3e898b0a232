using Mediator;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

/// <summary>One customer with its active suspension; not found is a 404.</summary>
public sealed record GetCustomer(string Id) : IQuery<Customer>;

public sealed class GetCustomerHandler(RuleSuspensionDb db) : IQueryHandler<GetCustomer, Customer>
{
    public async ValueTask<Customer> Handle(GetCustomer query, CancellationToken cancellationToken)
        => await db.GetWithActiveSuspensionAsync(query.Id, cancellationToken);
}
