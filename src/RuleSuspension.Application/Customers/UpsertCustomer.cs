using Mediator;
using RuleSuspension.Application.Pipeline;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Customers;

/// <param name="Reason">Why the exemption changes; required when it does.</param>
/// <param name="KeepExemption">The request said nothing of the exemption: a stored customer keeps the one it has.</param>
public sealed record UpsertCustomer(string Id, CustomerProfile Profile, Actor By, string? Reason = null, bool KeepExemption = false)
    : ICommand<UpsertedCustomer>, ICustomerCommand
{
    public CustomerOf Customer => CustomerOf.Named(Id);
}

/// <summary>The customer as stored, and whether the upsert created it.</summary>
public sealed record UpsertedCustomer(Customer Customer, bool Created);

public sealed class UpsertCustomerValidator(InputLimits limits) : CommandValidator<UpsertCustomer>
{
    protected override void Check(UpsertCustomer command, ValidationErrors errors)
    {
        errors.CheckId("id", command.Id);
        limits.Check(command.Profile, errors);
    }
}

public sealed class UpsertCustomerHandler(RuleSuspensionDb db, TimeProvider clock) : ICommandHandler<UpsertCustomer, UpsertedCustomer>
{
    /// <summary>Creates or replaces the customer's profile.</summary>
    public async ValueTask<UpsertedCustomer> Handle(UpsertCustomer command, CancellationToken cancellationToken)
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

        return new UpsertedCustomer(customer, created);
    }
}
