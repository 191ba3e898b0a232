using Microsoft.AspNetCore.Mvc;
using RuleSuspension.Application;

namespace RuleSuspension.Server.Errors;

/// <summary>
/// The id in the route of every write (<c>{id}</c>, <c>{name}</c>: customers, invoices, tenants, rule sets,
/// workflows...) follows the one id rule (<see cref="InputLimits.IdProblem"/>) before the endpoint runs, so no route
/// can store a record that its own GET could not reach. Reads need no check: a bad id is simply not found.
/// </summary>
internal static class RouteIdCheck
{
    private static readonly string[] IdValues = ["id", "name"];

    public static IApplicationBuilder UseRouteIdCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            foreach (var key in IdValues)
            {
                if (context.Request.RouteValues.TryGetValue(key, out var value) && value is string id && InputLimits.IdProblem(id) is { } problem)
                {
                    context.Response.StatusCode = StatusCodes.Status400BadRequest;
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [key] = [problem] })
                        {
                            Status = StatusCodes.Status400BadRequest,
                            Title = "The request is not valid",
                            Detail = $"{key} {problem}",
                        },
                    });
                    return;
                }
            }
        }

        await next(context);
    });
}
