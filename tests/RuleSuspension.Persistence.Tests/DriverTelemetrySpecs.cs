using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// The server's telemetry listens to the sources each dialect names (no provider check in the server): the names must
/// be the ones the driver really reports to, or the database's spans silently vanish.
/// </summary>
public class DriverTelemetrySpecs(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_statement_is_traced_on_the_sources_the_dialect_names()
    {
        await using var db = database.Context();
        var sources = db.Dialect.TelemetrySources;
        var seen = new List<string>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => sources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity => { lock (seen) { seen.Add(activity.Source.Name); } },
        };
        ActivitySource.AddActivityListener(listener);

        await db.Customers.CountAsync();

        // A driver that reports nothing names no source (SQLite); one that names a source is heard on it.
        lock (seen)
        {
            Assert.Equal(sources.Count > 0, seen.Count > 0);
            Assert.All(seen, name => Assert.Contains(name, sources));
        }
    }
}
