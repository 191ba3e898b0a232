using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

public sealed record UpsertCustomer(string Id, CustomerProfile Profile, Actor By);

public sealed class UpsertCustomerHandler(RuleSuspensionDb db, TimeProvider clock)
{
    /// <summary>Creates or replaces the customer's profile; returns the customer and whether it was created.</summary>
    public async Task<(Customer Customer, bool Created)> Handle(UpsertCustomer command, CancellationToken cancellationToken)
    {
        var (customer, created) = await Apply(db, command, clock.GetUtcNow(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (customer, created);
    }

    /// <summary>The change without saving, for callers that save it with more in one transaction.</summary>
    internal static async Task<(Customer Customer, bool Created)> Apply(RuleSuspensionDb db, UpsertCustomer command, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var customer = await db.FindWithActiveSuspensionAsync(command.Id, cancellationToken);
        if (customer is null)
        {
            customer = new Customer(command.Id, command.Profile, command.By, at);
            db.Customers.Add(customer);
            return (customer, true);
        }

        customer.UpdateProfile(command.Profile, command.By, at);
        return (customer, false);
    }
}
