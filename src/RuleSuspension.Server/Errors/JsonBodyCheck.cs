using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application;

namespace RuleSuspension.Server.Errors;

/// <summary>
/// Every JSON body is read once before any endpoint sees it: a duplicate key (which the readers would resolve as
/// "last wins") or a nesting deeper than <see cref="InputLimits.MaxJsonDepth"/> is a 400 naming the path, line and
/// column, on every route, whatever reads the body afterwards.
/// </summary>
internal static class JsonBodyCheck
{
    public static IApplicationBuilder UseJsonBodyCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsDelete(request.Method) || HttpMethods.IsOptions(request.Method)
            || request.ContentLength == 0
            || !(request.ContentType is null || request.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)))
        {
            await next(context);
            return;
        }

        var limits = context.RequestServices.GetRequiredService<InputLimits>();
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            await request.Body.CopyToAsync(buffer, context.RequestAborted);
            if (buffer.Length > limits.MaxBodyBytes)
            {
                await Refuse(context, ProblemExceptionHandler.TooLarge(limits.MaxBodyBytes));
                return;
            }

            body = buffer.ToArray();
        }

        if (body.Length > 0 && Problem(body, limits.MaxJsonDepth) is { } problem)
        {
            await Refuse(context, problem);
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    });

    /// <summary>The first duplicate key or excessive depth in <paramref name="json"/>, or null.</summary>
    internal static ProblemDetails? Problem(ReadOnlySpan<byte> json, int maxDepth)
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
                            return Located(PathOf(frames), line, column, $"The key '{frame.Key}' appears twice in the same object at line {line}, column {column}.", "Duplicate key");
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
            return Located(PathOf(frames), line, column, $"The JSON nests deeper than {maxDepth} levels at line {line}, column {column}.", "JSON nested too deep");
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

    private static ProblemDetails Located(string field, long line, long column, string message, string title)
        => new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = title,
            Detail = message,
            Extensions = { ["line"] = line, ["column"] = column },
        };

    private static async Task Refuse(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status!.Value;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
