using Microsoft.AspNetCore.Http.Features;
using RuleSuspension.Application;

namespace RuleSuspension.Server.Errors;

/// <summary>Refuses bodies over <see cref="InputLimits.MaxBodyBytes"/> before anything reads them.</summary>
internal static class RequestLimits
{
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limits = context.RequestServices.GetRequiredService<InputLimits>();
        if (context.Request.ContentLength > limits.MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = ProblemExceptionHandler.TooLarge(limits.MaxBodyBytes),
            });
            return;
        }

        // Chunked bodies have no length up front: the server stops reading past the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = limits.MaxBodyBytes;
        }

        await next(context);
    });
}
