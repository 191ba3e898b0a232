using System.Text.Json;
using RuleSuspension.Workflows.Catalog;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Validation;

namespace RuleSuspension.Workflows.Tests.Validation;

public sealed class ShippedWorkflowSpecs
{
    public static TheoryData<string> ShippedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void Shipped_workflow_is_valid(string file)
    {
        var errors = new List<WorkflowValidationError>();
        var definition = WorkflowJson.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", file)), errors);

        errors.AddRange(WorkflowValidator.Validate(definition!));

        Assert.Empty(errors);
        Assert.Equal(Path.GetFileNameWithoutExtension(file), definition!.Id);
    }

    [Fact]
    public void The_four_default_workflows_are_shipped()
    {
        var ids = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "workflows"), "*.json").Select(Path.GetFileNameWithoutExtension).Order().ToList();

        Assert.Equal(["crm-opportunity", "overdue-invoices", "plan-change-approval", "signup-identity-check"], ids);
    }

    [Fact]
    public void The_schema_names_every_activity_type()
    {
        using var schema = JsonDocument.Parse(WorkflowSchema.Json);

        var types = schema.RootElement.GetProperty("$defs").GetProperty("activity").GetProperty("properties").GetProperty("type").GetProperty("enum")
            .EnumerateArray().Select(t => t.GetString()).ToList();

        Assert.Equal(ActivityCatalog.Default.All.Select(d => d.Type), types);
    }

    [Fact]
    public void The_content_hash_ignores_the_version_number()
    {
        var definition = Support.Flow.SuspendAndLift().Build();

        Assert.Equal(WorkflowJson.ContentHash(definition with { Version = 1 }), WorkflowJson.ContentHash(definition with { Version = 7 }));
    }

    [Fact]
    public void A_written_definition_reads_back_the_same()
    {
        var definition = Support.Flow.SuspendAndLift().Build();
        var errors = new List<WorkflowValidationError>();

        var read = WorkflowJson.Parse(WorkflowJson.Write(definition), errors);

        Assert.Empty(errors);
        Assert.Equal(WorkflowJson.ContentHash(definition), WorkflowJson.ContentHash(read!));
    }
}
