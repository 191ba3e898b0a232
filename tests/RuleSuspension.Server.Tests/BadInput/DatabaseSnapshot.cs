using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Tests.BadInput;

/// <summary>
/// Every table of the service's model, as a row count and a hash of its content (rows in any order): two snapshots
/// are equal when nothing was written in between. Quartz's own tables are left out (its scheduler checks in on a timer).
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, string> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(RuleSuspensionDb db)
    {
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                result[table] = await DescribeAsync(connection, table);
            }

            return new DatabaseSnapshot(result);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tables that differ, with their before and after; empty when nothing changed.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseSnapshot before)
        => Tables.Where(t => !before.Tables.TryGetValue(t.Key, out var old) || old != t.Value)
            .Select(t => $"{t.Key}: {before.Tables.GetValueOrDefault(t.Key, "absent")} -> {t.Value}")
            .ToList();

    private static async Task<string> DescribeAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
        return $"{rows.Count} rows, {Convert.ToHexStringLower(hash)[..16]}";
    }
}
