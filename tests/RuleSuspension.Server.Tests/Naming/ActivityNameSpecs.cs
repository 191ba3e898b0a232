using RuleSuspension.Application.Workflows;
using RuleSuspension.Domain.Tasks;
using RuleSuspension.Workflows.Catalog;

namespace RuleSuspension.Server.Tests.Naming;

/// <summary>An activity's class never shares its name with an entity, a command or a query: each name means one thing.</summary>
public class ActivityNameSpecs
{
    [Fact]
    public void No_activity_class_is_named_like_a_type_of_the_domain_or_the_application()
    {
        var activityClasses = typeof(ActivityCatalog).Assembly.GetTypes()
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i.Name == "IActivity")).Select(t => t.Name).ToList();
        var domainAndApplication = typeof(HumanTask).Assembly.GetTypes().Concat(typeof(WorkflowDefinitions).Assembly.GetTypes())
            .Select(t => t.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(10, activityClasses.Count);
        Assert.DoesNotContain(activityClasses, domainAndApplication.Contains);
    }
}
