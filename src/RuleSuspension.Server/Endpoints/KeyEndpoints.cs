using Mediator;
using RuleSuspension.Application.Keys;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Common;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class KeyEndpoints
{
    public static void MapKeys(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/keys").WithTags("Keys").MapPost("/", async (CreateKeyRequest request, HttpContext http, ISender sender, CancellationToken ct) =>
        {
            var created = await sender.Send(new CreateApiKey(request.Name ?? string.Empty, ParseRole(request.Role), http.User.ToActor()), ct);
            return Results.Created($"/api/keys/{created.Id}", new { created.Id, created.Name, role = created.Role.ToString(), created.Key, created.CreatedAt });
        }).RequireAuthorization(AccessPolicies.ManageKeys);
    }

    internal static Role ParseRole(string? role)
        => EnumeratedValue.Match<Role>(role) ?? throw DomainException.Invalid("role", $"'{role}' is not a role; expected one of {string.Join(", ", Enum.GetNames<Role>())}.");
}
