using System.Text.Json;
using RuleSuspension.Domain.RuleSets;
using RuleSuspension.Rules;
using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Server.Contracts;

/// <summary>A catalogue entry; <c>kind</c> is <c>data</c> (the rule language) or <c>nrules</c> (code-defined, read-only rules).</summary>
public sealed record RuleSetSummary(string Name, string Kind, string? Description, int Version, string Change, DateTimeOffset CreatedAt, string CreatedBy, string? Source)
{
    public static RuleSetSummary From(RuleSetVersion stored)
    {
        var document = RuleSetDocument.Parse(stored.Document).Document;
        return new RuleSetSummary(stored.Name, document?.Kind ?? RuleSetKinds.Data, document?.Description, stored.Version, stored.Change, stored.CreatedAt, stored.CreatedBy, document?.Source);
    }
}

public sealed record RuleSetResponse(
    string Name,
    string Kind,
    string? Source,
    string? Description,
    int Version,
    string Change,
    DateTimeOffset CreatedAt,
    string CreatedBy,
    IReadOnlyList<ParameterResponse> Parameters,
    JsonElement Document)
{
    public static RuleSetResponse From(RuleSetVersion stored)
    {
        var document = RuleSetDocument.Parse(stored.Document).Document!;
        using var values = JsonDocument.Parse(stored.ParameterValues);
        var parameters = document.Parameters.Select(p => new ParameterResponse(
            p.Name, p.Type, p.Default, p.Min, p.Max, p.Description,
            values.RootElement.TryGetProperty(p.Name, out var value) ? value.Clone() : p.Default)).ToList();
        return new RuleSetResponse(document.Name, document.Kind ?? RuleSetKinds.Data, document.Source, document.Description, stored.Version, stored.Change, stored.CreatedAt, stored.CreatedBy, parameters, JsonDocument.Parse(stored.Document).RootElement.Clone());
    }
}

/// <summary>A threshold with its bounds and its current value (finance's, or the default).</summary>
public sealed record ParameterResponse(string Name, string Type, JsonElement? Default, decimal? Min, decimal? Max, string? Description, JsonElement? Value);

public sealed record RuleSetVersionResponse(int Version, string Change, DateTimeOffset CreatedAt, string CreatedBy, JsonElement ParameterValues);

public sealed record ParametersRequest(Dictionary<string, JsonElement>? Values);

public sealed record ParameterHistoryEntry(DateTimeOffset At, string By, int Version, JsonElement Changes);

public sealed record EvaluateRequest(string? CustomerId, FactSet? Facts, Dictionary<string, JsonElement>? Parameters, DateOnly? AsOf);

/// <summary>What-if: the proposed values, the date (default each tenant's today; a future date is allowed) and the page of changed customers.</summary>
public sealed record PreviewRequest(Dictionary<string, JsonElement>? Values, DateOnly? AsOf, int? Page, int? PageSize);

public sealed record SimulateRequest(Dictionary<string, JsonElement>? Parameters, DateOnly? AsOf);

public sealed record ExpressionRequest(string? Expression);

public sealed record ValidationResponse(bool Valid, IReadOnlyList<Application.DocumentError> Errors);
