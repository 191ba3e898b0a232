using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

/// <param name="Reason">Why the exemption changes; required when it does.</param>
/// <param name="KeepExemption">The request said nothing of the exemption: a stored customer keeps the one it has.</param>
public sealed record UpsertCustomer(string Id, CustomerProfile Profile, Actor By, string? Reason = null, bool KeepExemption = false);

public sealed class UpsertCustomerHandler(RuleSuspensionDb db, TimeProvider clock)
{
    /// <summary>Creates or replaces the customer's profile; returns the customer and whether it was created.</summary>
    public async Task<(Customer Customer, bool Created)> Handle(UpsertCustomer command, CancellationToken cancellationToken)
    {
        var customer = await db.FindWithActiveSuspensionAsync(command.Id, cancellationToken);
        var created = customer is null;
        if (customer is null)
        {
            customer = new Customer(command.Id, command.Profile, command.By, clock.GetUtcNow(), command.Reason);
            db.Customers.Add(customer);
        }
        else
        {
            var profile = command.KeepExemption ? command.Profile with { Exempt = customer.Exempt, ExemptUntil = customer.ExemptUntil } : command.Profile;
            customer.UpdateProfile(profile, command.By, clock.GetUtcNow(), command.Reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return (customer, created);
    }
}
