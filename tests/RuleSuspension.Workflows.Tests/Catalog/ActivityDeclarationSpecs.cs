using System.Text.Json;
using System.Text.Json.Nodes;
using RuleSuspension.Workflows.Activities;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Runtime;
using RuleSuspension.Workflows.Tests.Support;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Tests.Catalog;

/// <summary>
/// An activity's class declares it once; the catalogue, the designer's schema, the validator and the engine follow
/// from that declaration. <see cref="PingActivity"/> lives in this test assembly and is registered nowhere else.
/// </summary>
public sealed class ActivityDeclarationSpecs
{
    private static readonly PingActivity Ping = new();
    private static readonly ActivityCatalog WithPing = ActivityCatalog.Default.With(Ping);

    private static readonly Flow PingFlow = new Flow()
        .Activity("ping", PingActivity.TypeName, new { target = "billing" })
        .Activity("end", "End")
        .Connect("ping", "Pong", "end");

    [Fact]
    public void A_new_activity_appears_in_the_catalogue_as_declared()
    {
        var descriptor = WithPing.Find(PingActivity.TypeName);

        Assert.Same(Ping.Descriptor, descriptor);
        Assert.Equal(PingActivity.TypeName, WithPing.All[^1].Type);
    }

    [Fact]
    public void A_new_activity_appears_in_the_schema_with_its_properties_and_allowed_values()
    {
        var schema = WorkflowSchema.Build(WithPing);

        var types = schema["$defs"]!["activity"]!["properties"]!["type"]!["enum"]!.AsArray().Select(t => t!.GetValue<string>());
        var ping = SchemaOf(schema, PingActivity.TypeName);
        Assert.Contains(PingActivity.TypeName, types);
        Assert.Equal(["billing", "support"], ping["properties"]!["target"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(["target"], ping["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact]
    public void A_definition_using_a_new_activity_as_declared_is_valid()
    {
        var errors = WorkflowValidator.Validate(PingFlow.Build(), new WorkflowValidationOptions { Activities = WithPing });

        Assert.Empty(errors);
    }

    [Fact]
    public void A_new_activity_is_validated_from_its_declaration()
    {
        var definition = new Flow()
            .Activity("ping", PingActivity.TypeName, new { target = "sales", colour = "red" })
            .Activity("end", "End")
            .Build();

        var errors = WorkflowValidator.Validate(definition, new WorkflowValidationOptions { Activities = WithPing });

        Assert.Contains(errors, e => e.Path == "$.activities[0].properties.target" && e.Message.Contains("billing, support"));
        Assert.Contains(errors, e => e.Path == "$.activities[0].properties.colour");
        Assert.Contains(errors, e => e.Path == "$.activities[0]" && e.Message.Contains("'Pong'"));
    }

    [Fact]
    public void A_new_activity_runs_its_own_checks()
    {
        var definition = new Flow().Activity("ping", PingActivity.TypeName, new { target = "support" }).Activity("end", "End").Connect("ping", "Pong", "end").Build();

        var error = Assert.Single(WorkflowValidator.Validate(definition, new WorkflowValidationOptions { Activities = WithPing }));

        Assert.Equal(("$.activities[0].properties.target", "ping"), (error.Path, error.ActivityId));
    }

    [Fact]
    public void An_activity_not_registered_in_the_catalogue_is_unknown_to_the_validator()
    {
        var error = Assert.Single(WorkflowValidator.Validate(PingFlow.Build()));

        Assert.Equal("$.activities[0].type", error.Path);
    }

    [Fact]
    public async Task A_new_activity_runs_in_an_engine_on_its_catalogue()
    {
        var runtime = new FakeRuntime();
        var engine = runtime.Engine(WithPing);
        var definition = PingFlow.Build();
        var instance = engine.CreateInstance(definition, runtime.Customer.Id, null);

        await engine.StartAsync(definition, instance, default);

        Assert.Equal(["ping:Pong", "end:Done"], runtime.Path());
    }

    [Fact]
    public void The_json_type_names_that_stored_workflows_use_stay_as_they_are()
    {
        Assert.Equal(
            ["EvaluateRuleSet", "If", "SuspendCustomer", "Notify", "HumanTask", "LiftSuspension", "WaitForEvent", "Delay", "SetVariable", "End"],
            ActivityCatalog.Default.All.Select(d => d.Type));
    }

    public static TheoryData<string> ProductActivityTypes() => new(ActivityCatalog.Default.All.Select(d => d.Type));

    [Theory]
    [MemberData(nameof(ProductActivityTypes))]
    public void The_schema_of_every_product_activity_is_its_declaration(string type)
    {
        var descriptor = ActivityCatalog.Default.Find(type)!;

        var schema = SchemaOf(WorkflowSchema.Build(), type);

        Assert.Equal(descriptor.Properties.Select(p => p.Name), schema["properties"]!.AsObject().Select(p => p.Key));
        Assert.Equal(descriptor.Properties.Where(p => p.Required).Select(p => p.Name), schema["required"]!.AsArray().Select(v => v!.GetValue<string>()));
        foreach (var property in descriptor.Properties.Where(p => p.Options is not null))
        {
            Assert.Equal(property.Options!, schema["properties"]![property.Name]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        }
    }

    [Theory]
    [MemberData(nameof(ProductActivityTypes))]
    public void Every_product_activity_refuses_a_property_it_does_not_declare(string type)
    {
        var definition = new Flow().Activity("a", type, new { notDeclared = 1 }).Build();

        var errors = WorkflowValidator.Validate(definition);

        Assert.Contains(errors, e => e.Path == "$.activities[0].properties.notDeclared");
    }

    [Fact]
    public void A_declaration_that_says_blocking_for_a_class_that_cannot_wait_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ActivityCatalog.Default.With(new PingActivity(blocking: true)));

        Assert.Contains("blocking", error.Message);
    }

    [Fact]
    public void Two_activities_declaring_one_type_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => WithPing.With(new PingActivity()));

        Assert.Contains("'Ping'", error.Message);
    }

    [Fact]
    public void A_declaration_requiring_an_outcome_it_does_not_have_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ActivityCatalog.Default.With(new PingActivity(requiredOutcome: "Echo")));

        Assert.Contains("'Echo'", error.Message);
    }

    private static JsonNode SchemaOf(JsonObject schema, string type)
        => schema["$defs"]!["activity"]!["allOf"]!.AsArray()
            .Single(v => v!["if"]!["properties"]!["type"]!["const"]!.GetValue<string>() == type)!["then"]!["properties"]!["properties"]!;

    /// <summary>An activity this assembly adds: one class, registered only through <see cref="ActivityCatalog.With"/>.</summary>
    private sealed class PingActivity(bool blocking = false, string requiredOutcome = "Pong") : IActivity
    {
        public const string TypeName = "Ping";

        public ActivityDescriptor Descriptor { get; } = new()
        {
            Type = TypeName,
            DisplayName = "Ping",
            Category = "Flow",
            Description = "Answers Pong.",
            Properties = [new() { Name = "target", Type = PropertyTypes.String, Required = true, Options = ["billing", "support"], Description = "Who is pinged." }],
            Outcomes = ["Pong"],
            RequiredOutcomes = [requiredOutcome],
            Blocking = blocking,
        };

        public void Check(ActivityCheck check)
        {
            if (check.Activity.Text("target") == "support")
            {
                check.Error(".properties.target", "Support is not pinged by workflows.");
            }
        }

        public Task<ActivityResult> ExecuteAsync(ActivityContext context)
            => Task.FromResult(ActivityResult.Done("Pong", new JsonObject { ["target"] = context.Activity.Text("target") }));
    }
}
