using System.Text.Json;
using RuleSuspension.Rules;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Expressions;
using RuleSuspension.Workflows.Tests.Support;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Tests.Validation;

/// <summary>Workflow conditions are held to the rule language's limits on every path that reads a definition.</summary>
public sealed class ExpressionLimitSpecs
{
    private static readonly string TwentyThousandTerms = string.Concat(Enumerable.Repeat("1+", 20_000)) + "1 > 0";
    private static readonly string DeepCondition = new string('(', 500) + "true" + new string(')', 500);

    private static WorkflowDefinition WithFilter(string filter) => Flow.SuspendAndLift().Trigger("customer.signed-up", filter).Build();

    [Fact]
    public void Trigger_filter_of_twenty_thousand_terms_is_refused_for_its_length()
    {
        var error = Assert.Single(WorkflowValidator.Validate(WithFilter(TwentyThousandTerms)));

        Assert.Equal("$.triggers[0].filter", error.Path);
        Assert.Contains("characters long", error.Message);
        Assert.Equal((1, RuleLimits.MaxExpressionLength + 1), (error.Line, error.Column));
    }

    [Fact]
    public void If_condition_nested_past_the_depth_limit_is_refused_with_its_activity()
    {
        var definition = new Flow()
            .Activity("check", "If", new { condition = DeepCondition })
            .Activity("end", "End")
            .Connect("check", "True", "end")
            .Connect("check", "False", "end")
            .Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition));

        Assert.Equal("$.activities[0].properties.condition", error.Path);
        Assert.Equal("check", error.ActivityId);
        Assert.Contains("nests deeper than", error.Message);
    }

    [Fact]
    public void Json_and_stored_definitions_are_refused_with_the_same_errors()
    {
        var definition = WithFilter(TwentyThousandTerms);
        using var json = JsonDocument.Parse(WorkflowJson.Write(definition));

        var fromJson = WorkflowValidator.Validate(json.RootElement).Errors;
        var fromDefinition = WorkflowValidator.Validate(definition);

        Assert.Equal(fromDefinition, fromJson);
        Assert.NotEmpty(fromJson);
    }

    [Fact]
    public void Running_a_condition_over_the_limits_fails_like_an_evaluation()
    {
        var error = Assert.Throws<RuleEvaluationException>(() => Conditions.Get(DeepCondition));

        Assert.Contains("nests deeper than", error.Message);
    }
}
