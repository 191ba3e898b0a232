using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Persistence.Statistics;

namespace RuleSuspension.Persistence.Tests;

/// <summary>
/// Statistics for tables growing from empty, so that prepared statements are not planned for empty tables for long.
/// Its own database: the statistics are the whole database's.
/// </summary>
public class YoungTableStatisticsSpecs : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
    private const int Grown = YoungTableStatistics.MinChangedRows + 100;
    private readonly DatabaseFixture _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task A_table_grown_from_empty_gets_statistics_on_PostgreSql_and_is_left_to_the_planner_on_Sqlite()
    {
        await using (var db = _database.Context())
        {
            for (var i = 0; i < Grown; i++)
            {
                db.RuleSetVersions.Add(new RuleSetVersion("young-" + i, 1, "{}", "{}", "tests", "created", Now));
            }

            await db.SaveChangesAsync();
        }

        var analysed = await AnalyseUntilAsync("RuleSetVersions");

        await using var check = _database.Context();
        if (_database.Provider == DatabaseProvider.PostgreSql)
        {
            Assert.Contains("RuleSetVersions", analysed);
            Assert.Equal(Grown, await check.Database.SqlQueryRaw<float>("SELECT reltuples AS \"Value\" FROM pg_class WHERE relname = 'RuleSetVersions'").SingleAsync());
        }
        else
        {
            Assert.Empty(analysed);
            Assert.Equal(0, await check.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_stat1'").SingleAsync());
        }
    }

    // PostgreSQL publishes a connection's row counts to pg_stat_user_tables within about a second of its commit.
    private async Task<IReadOnlyList<string>> AnalyseUntilAsync(string table)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = _database.Context();
            var analysed = await YoungTableStatistics.AnalyseGrownTablesAsync(db, default);
            if (analysed.Contains(table) || _database.Provider != DatabaseProvider.PostgreSql || attempt == 100)
            {
                return analysed;
            }

            await Task.Delay(200);
        }
    }
}
