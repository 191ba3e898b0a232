using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Tenants;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Tenants;

/// <summary>Sets the time zone (IANA id) a tenant's days are counted in; creates the tenant when it is new.</summary>
public sealed record SetTenantTimeZone(string TenantId, string TimeZone, Actor By) : ICommand<TenantChange>;

public sealed record TenantChange(Tenant Tenant, bool Created);

public sealed class SetTenantTimeZoneHandler(RuleSuspensionDb db, TimeProvider clock, ILogger<SetTenantTimeZoneHandler> logger)
    : ICommandHandler<SetTenantTimeZone, TenantChange>
{
    public async ValueTask<TenantChange> Handle(SetTenantTimeZone command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenant = await db.Tenants.FirstOrDefaultAsync(t => t.Id == command.TenantId, cancellationToken);
        var created = tenant is null;
        if (tenant is null)
        {
            tenant = new Tenant(command.TenantId, command.TimeZone, now);
            db.Tenants.Add(tenant);
        }
        else
        {
            tenant.ChangeTimeZone(command.TimeZone, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Tenant {TenantId} counts its days in {TimeZone} (set by {By})", tenant.Id, tenant.TimeZone, command.By);
        return new TenantChange(tenant, created);
    }
}
