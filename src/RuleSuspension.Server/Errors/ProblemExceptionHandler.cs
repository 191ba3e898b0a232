using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application;
using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Common;
using RuleSuspension.Persistence;
using RuleSuspension.Rules;

namespace RuleSuspension.Server.Errors;

/// <summary>Answers every failure as problem+json that says what went wrong and where.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            problem = new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Internal error", Detail = "The server failed; the error is in its log." };
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is IngestionQueueFullException full)
        {
            httpContext.Response.Headers.RetryAfter = full.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    internal static ProblemDetails? Describe(Exception exception) => exception switch
    {
        RequestValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid",
            Detail = string.Join(" ", v.Errors.Select(e => $"{e.Key} {string.Join(" ", e.Value)}")),
        },
        DomainException d => FromDomain(d),
        EventConflictException c => new HttpValidationProblemDetails(c.Differences.ToDictionary(f => f, f => new[] { $"differs from the event received before with id '{c.EventId}'." }))
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflicting event id",
            Detail = c.Message + " An event id names one event: send a new event with a new id.",
            Extensions = { ["code"] = "event-id-conflict", ["differences"] = c.Differences },
        },
        InvalidDocumentException doc => new ProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = $"The {doc.What} is not valid",
            Detail = string.Join(" ", doc.Errors.Select(e => e.Line is null ? $"{e.Path}: {e.Message}" : $"{e.Path} ({e.Line}:{e.Column}): {e.Message}")),
            Extensions = { ["errors"] = doc.Errors },
        },
        // The rules could not decide on these facts (the evaluation budget was spent): the request asked too much.
        RuleEvaluationException evaluation => new ProblemDetails
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The rules could not be evaluated",
            Detail = evaluation.Message,
            Extensions = { ["code"] = "evaluation-failed" },
        },
        IngestionQueueFullException full => new ProblemDetails
        {
            Status = StatusCodes.Status503ServiceUnavailable,
            Title = "Too many events at once",
            Detail = $"{full.Message} (after {full.RetryAfterSeconds} s, Retry-After).",
            Extensions = { ["code"] = "ingestion-queue-full" },
        },
        BadHttpRequestException { InnerException: JsonException json } => MalformedJson(json),
        JsonException json => MalformedJson(json),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => TooLarge(null),
        BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
        // Optimistic concurrency and the unique indexes guard invariants against concurrent writers
        // (one active suspension per customer, one number per version).
        var conflict when DatabaseErrors.IsConflict(conflict) => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Conflicting change",
            Detail = "Another change was made at the same time; read again and retry.",
            Extensions = { ["code"] = "concurrent-change" },
        },
        _ => null,
    };

    internal static ProblemDetails TooLarge(long? maxBytes) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "Request body too large",
        Detail = maxBytes is { } max ? $"The body must be at most {max:N0} bytes." : "The body is larger than the server accepts (Limits:MaxBodyBytes).",
    };

    private static ProblemDetails FromDomain(DomainException d)
    {
        var status = d.Kind switch
        {
            DomainErrorKind.Invalid => StatusCodes.Status400BadRequest,
            DomainErrorKind.Conflict => StatusCodes.Status409Conflict,
            DomainErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status404NotFound,
        };
        ProblemDetails problem = d.Field is { } field
            ? new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [d.Message] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = d.Kind switch
        {
            DomainErrorKind.Invalid => "The request is not valid",
            DomainErrorKind.Conflict => "Conflict",
            DomainErrorKind.Forbidden => "Forbidden",
            _ => "Not found",
        };
        problem.Detail = d.Message;
        problem.Extensions["code"] = d.Code;
        return problem;
    }

    private static ProblemDetails MalformedJson(JsonException json)
    {
        // JsonException counts lines and bytes from 0; people count from 1.
        var line = json.LineNumber + 1;
        var column = json.BytePositionInLine + 1;
        var where = json.LineNumber is null ? string.Empty : $" at line {line}, column {column}";
        var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "body" : json.Path.TrimStart('$', '.');
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [$"The JSON is malformed{where}."] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Malformed JSON",
            Detail = $"The request body is not valid JSON{where}" + (field == "body" ? "." : $" (in '{field}')."),
            Extensions = { ["line"] = line, ["column"] = column },
        };
    }
}
