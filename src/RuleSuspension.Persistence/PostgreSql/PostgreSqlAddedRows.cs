using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace RuleSuspension.Persistence.PostgreSql;

/// <summary>
/// Writes the rows of a context's added entities with statements of its own instead of EF's batched <c>INSERT</c>s
/// (binary <c>COPY</c>, one per table, for many rows; prepared positional <c>INSERT</c>s in one batch for a few), and
/// stops tracking them (EF's save then writes only what is left: updates, deletes, and any
/// added entity this cannot write). The rows are what EF's save writes: the columns and store types come from the same
/// model, each value through the same converter. An entity type is written only when its table is its own (no
/// inheritance, no table splitting, no owned types), no value but an identity key is made by the database (an
/// identity key that no other table refers to is left out of the copy, so the database numbers the rows as it would
/// for EF's insert), and every added entity it refers to is written before it.
/// </summary>
internal static partial class PostgreSqlAddedRows
{
    private static readonly ConcurrentDictionary<IEntityType, AddedTable?> Tables = new();

    /// <summary>One binary <c>COPY</c> per table: for thousands of rows (an overdue batch).</summary>
    public static async Task<int> CopyAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var tables = Writable(db);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        foreach (var (table, entries) in tables)
        {
            await using (var import = await connection.BeginBinaryImportAsync(table.CopySql, cancellationToken))
            {
                foreach (var entry in entries)
                {
                    await import.StartRowAsync(cancellationToken);
                    foreach (var column in table.Columns)
                    {
                        if (column.Read(entry) is { } value)
                        {
                            await import.WriteAsync(value, column.DataTypeName, cancellationToken);
                        }
                        else
                        {
                            await import.WriteNullAsync(cancellationToken);
                        }
                    }
                }

                await import.CompleteAsync(cancellationToken);
            }
        }

        return Detach(tables);
    }

    /// <summary>
    /// One <c>INSERT</c> per row, all in one batch (one round trip), each with positional parameters and the same text
    /// for every row of a table, so that the connection's automatic preparation (<see cref="PostgreSqlDialect.ConnectionString"/>)
    /// prepares it once: for the few rows of one customer's unit of work (an event's 3–15), where EF's save builds
    /// its modification commands, named parameters and the batch's SQL for every row and Npgsql parses that SQL again.
    /// A key or constraint met fails as EF's save fails, with a <see cref="DbUpdateException"/>.
    /// </summary>
    public static async Task<int> InsertAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var tables = Writable(db);
        if (tables.Count == 0)
        {
            return 0;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());
        foreach (var (table, entries) in tables)
        {
            foreach (var entry in entries)
            {
                var insert = new NpgsqlBatchCommand(table.InsertSql);
                foreach (var column in table.Columns)
                {
                    insert.Parameters.Add(new NpgsqlParameter { Value = column.Read(entry) ?? DBNull.Value, DataTypeName = column.DataTypeName });
                }

                batch.BatchCommands.Add(insert);
            }
        }

        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            throw new DbUpdateException("An error occurred while inserting the unit of work's added rows.", e);
        }

        return Detach(tables);
    }

    /// <summary>The added entities this can write, by table, each table after the tables its rows refer to.</summary>
    private static List<(AddedTable Table, List<EntityEntry> Entries)> Writable(RuleSuspensionDb db)
    {
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                (added.TryGetValue(entry.Metadata, out var entries) ? entries : added[entry.Metadata] = []).Add(entry);
            }
        }

        var written = added.Where(a => TableOf(a.Key) is { } table && table.Takes(a.Value)).Select(a => a.Key).ToHashSet();

        // A row must not precede a row it refers to: a type whose added principal is left to EF is left to EF too.
        while (written.FirstOrDefault(t => Principals(t).Any(p => added.ContainsKey(p) && !written.Contains(p))) is { } waiting)
        {
            written.Remove(waiting);
        }

        return written.Count == 0 ? [] : PrincipalsFirst(written, added).Select(t => (TableOf(t)!, added[t])).ToList();
    }

    /// <summary>Stops tracking what was written (EF's save then writes the rest); answers how many rows that was.</summary>
    private static int Detach(List<(AddedTable Table, List<EntityEntry> Entries)> tables)
    {
        var rows = 0;
        foreach (var (_, entries) in tables)
        {
            foreach (var entry in entries)
            {
                entry.State = EntityState.Detached;
            }

            rows += entries.Count;
        }

        return rows;
    }

    private static IEnumerable<IEntityType> Principals(IEntityType type) => type.GetForeignKeys().Select(f => f.PrincipalEntityType);

    /// <summary>
    /// The types to copy, each after the added types it refers to. Types that refer to each other round a cycle are not
    /// written (nor what refers to them): EF's save orders those rows itself.
    /// </summary>
    private static List<IEntityType> PrincipalsFirst(HashSet<IEntityType> types, Dictionary<IEntityType, List<EntityEntry>> added)
    {
        var ordered = new List<IEntityType>(types.Count);
        var left = types.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        while (left.FirstOrDefault(t => Principals(t).All(p => !added.ContainsKey(p) || ordered.Contains(p))) is { } next)
        {
            ordered.Add(next);
            left.Remove(next);
        }

        return ordered;
    }

    private static AddedTable? TableOf(IEntityType type) => Tables.GetOrAdd(type, AddedTable.For);

    /// <summary>The COPY and INSERT statements of one entity type's table and how to read each of its columns from an entry.</summary>
    private sealed class AddedTable(string copySql, string insertSql, IReadOnlyList<AddedColumn> columns, IProperty? identityKey)
    {
        public string CopySql { get; } = copySql;

        public string InsertSql { get; } = insertSql;

        public IReadOnlyList<AddedColumn> Columns { get; } = columns;

        /// <summary>True when every entry's identity key (if the table has one) is still the database's to give.</summary>
        public bool Takes(List<EntityEntry> entries) => identityKey is null || entries.All(e => e.Property(identityKey).IsTemporary);

        public static AddedTable? For(IEntityType type)
        {
            if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetForeignKeys().Any(f => f.PrincipalEntityType == type)
                || type.GetTableMappings().ToList() is not [{ Table: var table }] || table.EntityTypeMappings.Count() != 1)
            {
                return null;
            }

            IProperty? identityKey = null;
            var columns = new List<AddedColumn>();
            foreach (var column in table.Columns)
            {
                var mapping = column.PropertyMappings.SingleOrDefault();
                if (mapping?.Property is not { } property)
                {
                    return null;
                }

                if (property.ValueGenerated != ValueGenerated.Never)
                {
                    // Only an identity key no other table refers to is the database's to fill in, as for EF's insert.
                    if (property.IsPrimaryKey() && type.FindPrimaryKey()!.Properties.Count == 1 && !type.GetReferencingForeignKeys().Any() && identityKey is null)
                    {
                        identityKey = property;
                        continue;
                    }

                    return null;
                }

                if (AddedColumn.Reader(type, property, mapping.TypeMapping.Converter) is not { } read)
                {
                    return null;
                }

                columns.Add(new AddedColumn(column.Name, DataTypeName(column.StoreType), read));
            }

            var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
            var names = string.Join(", ", columns.Select(c => Quote(c.Name)));
            var values = string.Join(", ", columns.Select((_, i) => "$" + (i + 1)));
            return new AddedTable($"COPY {name} ({names}) FROM STDIN (FORMAT BINARY)", $"INSERT INTO {name} ({names}) VALUES ({values})", columns, identityKey);
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        // The binary importer names types without their modifiers: "character varying(128)" is "character varying".
        private static string DataTypeName(string storeType) => Modifiers().Replace(storeType, string.Empty);
    }

    private sealed record AddedColumn(string Name, string DataTypeName, Func<EntityEntry, object?> Read)
    {
        /// <summary>How a column's value is read from an entry: the property's (or its complex property's) current value, converted as EF converts it.</summary>
        public static Func<EntityEntry, object?>? Reader(IEntityType type, IProperty property, Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter? converter)
        {
            Func<EntityEntry, object?> current;
            if (property.DeclaringType == type)
            {
                current = e => e.Property(property).CurrentValue;
            }
            else if (property.DeclaringType is IComplexType { ComplexProperty: { DeclaringType: var owner, IsCollection: false } complex } && owner == type)
            {
                current = e => e.ComplexProperty(complex).Property(property).CurrentValue;
            }
            else
            {
                return null;
            }

            return converter is null ? current : e => current(e) is { } value ? converter.ConvertToProvider(value) : null;
        }
    }

    [GeneratedRegex(@"\(\s*\d+(\s*,\s*\d+)?\s*\)")]
    private static partial Regex Modifiers();
}
