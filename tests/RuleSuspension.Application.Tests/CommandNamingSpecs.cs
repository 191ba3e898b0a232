using Mediator;
using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Application.Tests;

/// <summary>A command's name says what it does and is nobody else's: no workflow activity or domain entity has it.</summary>
public sealed class CommandNamingSpecs
{
    private static readonly IReadOnlyList<string> Commands = typeof(IngestEvent).Assembly.GetTypes()
        .Where(t => t.IsClass && typeof(IBaseCommand).IsAssignableFrom(t))
        .Select(t => t.Name)
        .ToList();

    [Fact]
    public void No_command_is_named_like_a_workflow_activity()
    {
        var activities = typeof(WorkflowDefinition).Assembly.GetTypes()
            .Where(t => t.Namespace == "RuleSuspension.Workflows.Activities" && t.IsClass && !t.IsNested)
            .Select(t => t.Name);

        Assert.Empty(Commands.Intersect(activities));
    }

    [Fact]
    public void No_command_is_named_like_a_domain_type()
    {
        var domain = typeof(Customer).Assembly.GetTypes().Where(t => t.IsPublic).Select(t => t.Name);

        Assert.Empty(Commands.Intersect(domain));
    }
}
