using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace RuleSuspension.Persistence.PostgreSql;

/// <summary>
/// Writes the rows of a context's added entities with binary <c>COPY</c>, one statement per table, instead of EF's
/// batched <c>INSERT</c>s, and stops tracking them (EF's save then writes only what is left: updates, deletes, and any
/// added entity this cannot copy). The rows are what EF's save writes: the columns and store types come from the same
/// model, each value through the same converter. An entity type is copied only when its table is its own (no
/// inheritance, no table splitting, no owned types), no value but an identity key is made by the database (an
/// identity key that no other table refers to is left out of the copy, so the database numbers the rows as it would
/// for EF's insert), and every added entity it refers to is copied before it.
/// </summary>
internal static partial class PostgreSqlAddedRows
{
    private static readonly ConcurrentDictionary<IEntityType, CopyTable?> Tables = new();

    public static async Task<int> WriteAsync(RuleSuspensionDb db, CancellationToken cancellationToken)
    {
        var added = new Dictionary<IEntityType, List<EntityEntry>>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State == EntityState.Added)
            {
                (added.TryGetValue(entry.Metadata, out var entries) ? entries : added[entry.Metadata] = []).Add(entry);
            }
        }

        var copied = added.Where(a => TableOf(a.Key) is { } table && table.Takes(a.Value)).Select(a => a.Key).ToHashSet();

        // A row must not precede a row it refers to: a type whose added principal is left to EF is left to EF too.
        while (copied.FirstOrDefault(t => Principals(t).Any(p => added.ContainsKey(p) && !copied.Contains(p))) is { } waiting)
        {
            copied.Remove(waiting);
        }

        if (copied.Count == 0)
        {
            return 0;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var rows = 0;
        foreach (var type in PrincipalsFirst(copied, added))
        {
            var table = TableOf(type)!;
            var entries = added[type];
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
    /// copied (nor what refers to them): EF's save orders those rows itself.
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

    private static CopyTable? TableOf(IEntityType type) => Tables.GetOrAdd(type, CopyTable.For);

    /// <summary>The COPY statement of one entity type's table and how to read each of its columns from an entry.</summary>
    private sealed class CopyTable(string copySql, IReadOnlyList<CopyColumn> columns, IProperty? identityKey)
    {
        public string CopySql { get; } = copySql;

        public IReadOnlyList<CopyColumn> Columns { get; } = columns;

        /// <summary>True when every entry's identity key (if the table has one) is still the database's to give.</summary>
        public bool Takes(List<EntityEntry> entries) => identityKey is null || entries.All(e => e.Property(identityKey).IsTemporary);

        public static CopyTable? For(IEntityType type)
        {
            if (type.IsOwned() || type.BaseType is not null || type.GetDirectlyDerivedTypes().Any()
                || type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetForeignKeys().Any(f => f.PrincipalEntityType == type)
                || type.GetTableMappings().ToList() is not [{ Table: var table }] || table.EntityTypeMappings.Count() != 1)
            {
                return null;
            }

            IProperty? identityKey = null;
            var columns = new List<CopyColumn>();
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

                if (CopyColumn.Reader(type, property, mapping.TypeMapping.Converter) is not { } read)
                {
                    return null;
                }

                columns.Add(new CopyColumn(column.Name, DataTypeName(column.StoreType), read));
            }

            var name = table.Schema is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);
            var sql = $"COPY {name} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";
            return new CopyTable(sql, columns, identityKey);
        }

        private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

        // The binary importer names types without their modifiers: "character varying(128)" is "character varying".
        private static string DataTypeName(string storeType) => Modifiers().Replace(storeType, string.Empty);
    }

    private sealed record CopyColumn(string Name, string DataTypeName, Func<EntityEntry, object?> Read)
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
