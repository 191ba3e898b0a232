using System.Text;
using System.Text.Json;

namespace RuleSuspension.Application;

/// <summary>A duplicate key or a nesting too deep, where it is: the JSON path (<c>data.customer.name</c>), line and column.</summary>
public sealed record JsonShapeProblem(string Path, long Line, long Column, string Message, bool TooDeep);

/// <summary>
/// Reads a JSON text once, without building it, for what the serializers let through: a key twice in one object
/// (they keep the last) and nesting deeper than a limit. Malformed JSON is left to the reader that follows.
/// </summary>
public static class JsonShape
{
    /// <summary>The first duplicate key or excessive depth in <paramref name="json"/>, or null.</summary>
    public static JsonShapeProblem? FindProblem(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        CountValue(frames);
                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        var frame = frames[^1];
                        frame.Key = reader.GetString()!;
                        if (!frame.Keys!.Add(frame.Key))
                        {
                            var (line, column) = Position(json, (int)reader.TokenStartIndex);
                            return new JsonShapeProblem(PathOf(frames), line, column, $"The key '{frame.Key}' appears twice in the same object at line {line}, column {column}.", TooDeep: false);
                        }

                        break;
                    default:
                        CountValue(frames);
                        break;
                }
            }
        }
        catch (JsonException e) when (frames.Count >= maxDepth)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            return new JsonShapeProblem(PathOf(frames), line, column, $"The JSON nests deeper than {maxDepth} levels at line {line}, column {column}.", TooDeep: true);
        }
        catch (JsonException)
        {
            // Malformed JSON is reported by the endpoint's own reader, in that route's shape (documents list their errors).
            return null;
        }

        return null;

        static void CountValue(List<Frame> frames)
        {
            if (frames.Count > 0 && frames[^1].IsArray)
            {
                frames[^1].Index++;
            }
        }
    }

    /// <summary>An object or array being read: the key or index the reader is at, and an object's keys so far.</summary>
    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; } = -1;

        public string? Key { get; set; }

        public HashSet<string>? Keys { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);
    }

    private static string PathOf(List<Frame> frames)
    {
        var path = new StringBuilder();
        foreach (var frame in frames)
        {
            if (frame.IsArray && frame.Index >= 0)
            {
                path.Append('[').Append(frame.Index).Append(']');
            }
            else if (!frame.IsArray && frame.Key is not null)
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(frame.Key);
            }
        }

        return path.Length == 0 ? "body" : path.ToString();
    }

    private static (long Line, long Column) Position(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..offset];
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }

}
