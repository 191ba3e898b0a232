using System.Text.Json;
using Mediator;
using RuleSuspension.Application;
using RuleSuspension.Application.RuleSets;
using RuleSuspension.Domain.Common;
using RuleSuspension.Rules;
using RuleSuspension.Server.Contracts;
using RuleSuspension.Server.Security;

namespace RuleSuspension.Server.Endpoints;

internal static class RuleSetEndpoints
{
    public static void MapRuleSets(this IEndpointRouteBuilder app)
    {
        var ruleSets = app.MapGroup("/api/rulesets").WithTags("Rule sets");

        ruleSets.MapGet("/", async (ISender sender, CancellationToken ct)
            => (await sender.Send(new ListRuleSets(), ct)).Select(RuleSetSummary.From))
            .RequireAuthorization(AccessPolicies.ReadRules);

        ruleSets.MapGet("/{name}", async (string name, int? version, ISender sender, CancellationToken ct)
            => RuleSetResponse.From(await sender.Send(new GetRuleSet(name, version), ct)))
            .RequireAuthorization(AccessPolicies.ReadRules);

        ruleSets.MapPut("/{name}", async (string name, HttpRequest request, ISender sender, CancellationToken ct) =>
        {
            var saved = await sender.Send(new SaveRuleSet(name, await ReadBody(request, ct), request.HttpContext.User.ToActor()), ct);
            return RuleSetResponse.From(saved);
        }).RequireAuthorization(AccessPolicies.EditRules).Accepts<JsonElement>("application/json");

        ruleSets.MapPost("/{name}/validate", async (string name, HttpRequest request, CancellationToken ct) =>
        {
            try
            {
                RuleSetDocuments.ParseAndCompile(await ReadBody(request, ct), name);
                return new ValidationResponse(true, []);
            }
            catch (InvalidDocumentException invalid)
            {
                return new ValidationResponse(false, invalid.Errors);
            }
        }).RequireAuthorization(AccessPolicies.EditRules).Accepts<JsonElement>("application/json");

        ruleSets.MapPut("/{name}/parameters", async (string name, ParametersRequest request, HttpContext http, ISender sender, CancellationToken ct)
            => RuleSetResponse.From(await sender.Send(new ChangeParameters(name, request.Values ?? [], http.User.ToActor()), ct)))
            .RequireAuthorization(AccessPolicies.SetThresholds);

        ruleSets.MapGet("/{name}/versions", async (string name, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListRuleSetVersions(name), ct))
                .Select(v => new RuleSetVersionResponse(v.Version, v.Change, v.CreatedAt, v.CreatedBy, JsonDocument.Parse(v.ParameterValues).RootElement.Clone())))
            .RequireAuthorization(AccessPolicies.ReadRules);

        ruleSets.MapGet("/{name}/parameters/history", async (string name, ISender sender, CancellationToken ct)
            => (await sender.Send(new ListParameterChanges(name), ct)).Select(c => new ParameterHistoryEntry(c.At, c.By, c.Version, c.Changes)))
            .RequireAuthorization(AccessPolicies.ReadRules);

        ruleSets.MapPost("/{name}/evaluate", async (string name, EvaluateRequest request, ISender sender, CancellationToken ct)
            => await sender.Send(new EvaluateRuleSet(name, request.CustomerId, request.Facts, request.Parameters, request.AsOf), ct))
            .RequireAuthorization(AccessPolicies.DryRun);

        ruleSets.MapPost("/{name}/simulate", async (string name, SimulateRequest request, ISender sender, CancellationToken ct)
            => await sender.Send(new SimulateRuleSet(name, request.Parameters, request.AsOf), ct))
            .RequireAuthorization(AccessPolicies.DryRun);

        ruleSets.MapPost("/{name}/parameters/preview", async (string name, PreviewRequest request, ISender sender, CancellationToken ct)
            => await sender.Send(new PreviewParameters(name, request.Values ?? [], request.AsOf, request.Page, request.PageSize), ct))
            .RequireAuthorization(AccessPolicies.DryRun);

        app.MapPost("/api/expressions/validate", (ExpressionRequest request) =>
        {
            var compilation = RuleExpression.CompileCondition(request.Expression ?? string.Empty);
            return new ValidationResponse(compilation.Succeeded, compilation.Errors.Select(e => new DocumentError(e.Path, e.Line, e.Column, e.Message)).ToList());
        }).WithTags("Rule sets").RequireAuthorization(AccessPolicies.ReadRules);
    }

    /// <summary>Rule set documents are read as text so that JSON errors can name their line and column.</summary>
    private static async Task<string> ReadBody(HttpRequest request, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(ct);
    }
}
