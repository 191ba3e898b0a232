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

        if (body.Length > 0 && JsonShape.FindProblem(body, limits.MaxJsonDepth) is { } problem)
        {
            await Refuse(context, Located(problem.Path, problem.Line, problem.Column, problem.Message, problem.TooDeep ? "JSON nested too deep" : "Duplicate key"));
            return;
        }

        request.Body = new MemoryStream(body, writable: false);
        await next(context);
    });

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
