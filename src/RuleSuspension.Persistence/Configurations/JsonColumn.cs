using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RuleSuspension.Persistence.Configurations;

/// <summary>
/// Stores a small value object (variables, bookmarks, a decision) as JSON text in one column: it is always read and
/// written with its row, never queried by its parts. The values are immutable (read-only interfaces and records that
/// their owner replaces whole, never changes in place), so the change tracker compares references and keeps the value
/// itself as its snapshot: no JSON is written to detect a change or to take a snapshot, only to save.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> StoredAsJson<T>(this PropertyBuilder<T> property)
    {
        var converter = new ValueConverter<T, string>(v => Serialize(v), s => Deserialize<T>(s));
        var comparer = new ValueComparer<T>((a, b) => ReferenceEquals(a, b), v => RuntimeHelpers.GetHashCode(v), v => v);
        return property.HasConversion(converter, comparer);
    }

    // Internal, not private: the compiled models (CompiledModels/) call them.
    internal static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    internal static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
