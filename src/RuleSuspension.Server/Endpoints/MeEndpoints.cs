using System.Security.Claims;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Server.Endpoints;

internal static class MeEndpoints
{
    /// <summary>
    /// Who the caller's key belongs to: its name and role, and the role that lifts suspensions (configurable), so that a
    /// client such as the web console can show only what the role may do.
    /// </summary>
    public static void MapMe(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/me", (HttpContext http, SuspensionPolicy policy) => new MeResponse(
            http.User.Identity?.Name ?? "unknown",
            http.User.FindFirstValue(ClaimTypes.Role) ?? "Viewer",
            policy.LiftingRole.ToString())).WithTags("Keys");
    }

    internal sealed record MeResponse(string Name, string Role, string LiftingRole);
}
