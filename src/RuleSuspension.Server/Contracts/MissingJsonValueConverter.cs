using System.Text.Json;
using System.Text.Json.Serialization;

namespace RuleSuspension.Server.Contracts;

/// <summary>
/// Writes a JSON value that is not there (a default <see cref="JsonElement"/>, such as the event's data in the
/// explanation of an evaluation without an event) as <c>null</c>; the default converter throws, and the answer was a 500.
/// </summary>
internal sealed class MissingJsonValueConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => JsonElement.ParseValue(ref reader);

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        if (value.ValueKind == JsonValueKind.Undefined)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }
}
