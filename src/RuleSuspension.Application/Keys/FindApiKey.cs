using Mediator;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Access;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Keys;

/// <summary>Whose key has this hash (<see cref="Domain.Keys.ApiKey.HashOf"/>): its name and role, or null for no key.</summary>
public sealed record FindApiKey(string Hash) : IQuery<ApiKeyHolder?>;

public sealed record ApiKeyHolder(string Name, Role Role);

public sealed class FindApiKeyHandler(RuleSuspensionDb db) : IQueryHandler<FindApiKey, ApiKeyHolder?>
{
    public async ValueTask<ApiKeyHolder?> Handle(FindApiKey query, CancellationToken cancellationToken)
        => await db.ApiKeys.AsNoTracking().Where(k => k.Hash == query.Hash).Select(k => new ApiKeyHolder(k.Name, k.Role)).FirstOrDefaultAsync(cancellationToken);
}
