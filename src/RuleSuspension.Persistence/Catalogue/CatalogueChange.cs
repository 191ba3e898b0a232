namespace RuleSuspension.Persistence.Catalogue;

/// <summary>
/// One committed change to the catalogue: a rule set version or a workflow version added, published or retired. Rows
/// are only ever added, so their count is a stamp that every node reads in its own transaction to know whether what it
/// cached of the catalogue (the published workflows, the latest rule set versions) is still current.
/// </summary>
public sealed class CatalogueChange
{
    public CatalogueChange(DateTimeOffset at) => At = at;

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }
}
