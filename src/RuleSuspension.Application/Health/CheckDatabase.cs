using Mediator;
using RuleSuspension.Persistence;

namespace RuleSuspension.Application.Health;

/// <summary>Whether the database answers now, and which EF Core provider serves it (for the health report).</summary>
public sealed record CheckDatabase : IQuery<DatabaseState>;

public sealed record DatabaseState(bool Up, string? Provider);

public sealed class CheckDatabaseHandler(RuleSuspensionDb db) : IQueryHandler<CheckDatabase, DatabaseState>
{
    public async ValueTask<DatabaseState> Handle(CheckDatabase query, CancellationToken cancellationToken)
    {
        bool up;
        try
        {
            up = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            up = false;
        }

        return new DatabaseState(up, db.Database.ProviderName);
    }
}
