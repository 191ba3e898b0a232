using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Tests.Infrastructure;

/// <summary>
/// Every table's rows, each row one line, so that two servers' databases written two ways compare row by row: ids
/// made on the fly (<c>Guid.NewGuid</c>, and what derives from them) are numbered in the order they first appear.
/// </summary>
public static partial class StoredRows
{
    /// <summary>Every table's rows but those <paramref name="notCompared"/>, sorted.</summary>
    public static async Task<SortedDictionary<string, List<string>>> ReadAsync(RuleSuspensionDb db, IReadOnlySet<string> notCompared)
    {
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => !notCompared.Contains(t)).Order(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var raw = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            raw[table] = await LinesAsync(reader);
        }

        // Rows sorted without their made ids (and again with their numbers), so the same rows on two books read alike.
        var ordinals = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (table, lines) in raw)
        {
            rows[table] = lines.OrderBy(l => Ids().Replace(l, "#"), StringComparer.Ordinal).ThenBy(l => l, StringComparer.Ordinal)
                .Select(l => Ids().Replace(l, m => ordinals.TryGetValue(m.Value, out var n) ? n : ordinals[m.Value] = $"id{ordinals.Count}"))
                .Order(StringComparer.Ordinal)
                .ToList();
        }

        return rows;
    }

    /// <summary>The same tables with the same rows; a difference is shown with both sides' rows of that table.</summary>
    public static void AssertSame(SortedDictionary<string, List<string>> expected, string expectedName, SortedDictionary<string, List<string>> actual, string actualName)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (table, rows) in expected)
        {
            Assert.True(rows.SequenceEqual(actual[table]), $"{table} differs:\n{expectedName}:\n{string.Join("\n", rows)}\n{actualName}:\n{string.Join("\n", actual[table])}");
        }
    }

    private static async Task<List<string>> LinesAsync(DbDataReader reader)
    {
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            var values = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values[i] = reader.GetName(i) + "=" + Text(reader.IsDBNull(i) ? null : reader.GetValue(i));
            }

            lines.Add(string.Join(" | ", values));
        }

        return lines;
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTimeOffset d => d.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();
}
