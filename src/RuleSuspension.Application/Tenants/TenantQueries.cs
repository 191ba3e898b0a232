using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Tenants;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Tenants;

/// <summary>One tenant's settings; not found is a 404.</summary>
public sealed record GetTenant(string Id) : IQuery<Tenant>;

/// <summary>Every tenant with settings, by id.</summary>
public sealed record ListTenants : IQuery<IReadOnlyList<Tenant>>;

public sealed class GetTenantHandler(RuleSuspensionDb db) : IQueryHandler<GetTenant, Tenant>
{
    public async ValueTask<Tenant> Handle(GetTenant query, CancellationToken cancellationToken)
        => await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken) ?? throw DomainException.NotFound("Tenant", query.Id);
}

public sealed class ListTenantsHandler(RuleSuspensionDb db) : IQueryHandler<ListTenants, IReadOnlyList<Tenant>>
{
    public async ValueTask<IReadOnlyList<Tenant>> Handle(ListTenants query, CancellationToken cancellationToken)
        => await db.Tenants.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
}
