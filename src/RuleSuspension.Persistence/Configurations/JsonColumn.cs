using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RuleSuspension.Persistence.Configurations;

/// <summary>
/// Stores a small value object (variables, bookmarks, a decision) as JSON text in one column: it is always read and
/// written with its row, never queried by its parts.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<T> StoredAsJson<T>(this PropertyBuilder<T> property)
    {
        var converter = new ValueConverter<T, string>(v => Serialize(v), s => Deserialize<T>(s));
        var comparer = new ValueComparer<T>((a, b) => Serialize(a) == Serialize(b), v => Serialize(v).GetHashCode(), v => Deserialize<T>(Serialize(v)));
        return property.HasConversion(converter, comparer);
    }

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;
}
