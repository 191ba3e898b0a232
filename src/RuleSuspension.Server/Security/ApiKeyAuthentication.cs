using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;
using Mediator;
using Microsoft.Extensions.Options;
using RuleSuspension.Application.Keys;
using RuleSuspension.Domain.Access;
using RuleSuspension.Domain.Keys;

namespace RuleSuspension.Server.Security;

/// <summary>Authenticates requests by the <c>X-Api-Key</c> header against the hashed keys in the database.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ISender sender,
    IMemoryCache cache,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    // Keys are looked up once a minute at most; a revoked key stops working within that time.
    private static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || values.ToString() is not { Length: > 0 } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKey.HashOf(presented.Trim());
        var key = await cache.GetOrCreateAsync("api-key:" + hash, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = CacheFor;
            return await sender.Send(new FindApiKey(hash), Context.RequestAborted);
        });
        if (key is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, key.Role.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
        => WriteProblem(StatusCodes.Status401Unauthorized, "Authentication required", $"Send a valid API key in the {Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
        => WriteProblem(StatusCodes.Status403Forbidden, "Forbidden", "Your key's role may not do this.");

    private async Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}

internal static class PrincipalExtensions
{
    /// <summary>The person behind the request's API key.</summary>
    public static Actor ToActor(this ClaimsPrincipal user)
        => Actor.Person(user.Identity?.Name ?? "unknown", Enum.Parse<Role>(user.FindFirstValue(ClaimTypes.Role) ?? nameof(Role.Viewer)));
}
