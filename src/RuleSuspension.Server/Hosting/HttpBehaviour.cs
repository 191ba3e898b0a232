namespace RuleSuspension.Server.Hosting;

/// <summary>What every answer carries, API and console alike, and <c>HEAD</c> wherever <c>GET</c> answers.</summary>
internal static class HttpBehaviour
{
    /// <summary>
    /// The console loads everything from this server (no CDN): scripts and styles only from itself (React Flow sets
    /// inline styles), images from itself or data URLs; nothing may frame it; browsers must not guess content types.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // Set as the answer starts: the exception handler clears the headers of a failed request before it answers.
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>
    /// Minimal API routes are mapped for GET only: a HEAD is routed as the GET it stands for and its body is dropped
    /// (Kestrel sends none for HEAD anyway), so HEAD answers with GET's status and headers.
    /// </summary>
    public static IApplicationBuilder UseHeadAsGet(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        context.Request.Method = HttpMethods.Get;
        var body = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
            context.Request.Method = HttpMethods.Head;
        }
    });
}
