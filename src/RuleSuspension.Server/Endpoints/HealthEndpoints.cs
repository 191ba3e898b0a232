using RuleSuspension.Persistence;

namespace RuleSuspension.Server.Endpoints;

internal static class HealthEndpoints
{
    /// <summary>For load balancers and compose health checks: 200 when the database answers, 503 when it does not.</summary>
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", async (RuleSuspensionDb db, CancellationToken ct) =>
        {
            var databaseUp = await db.Database.CanConnectAsync(ct);
            var body = new { status = databaseUp ? "healthy" : "unhealthy", database = databaseUp ? "up" : "down", provider = db.Database.ProviderName };
            return databaseUp ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous().WithTags("Health");
    }
}
