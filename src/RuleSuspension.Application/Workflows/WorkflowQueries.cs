using Mediator;
using RuleSuspension.Workflows.Definitions;

namespace RuleSuspension.Application.Workflows;

/// <summary>Every workflow with its newest and its published version.</summary>
public sealed record ListWorkflows : IQuery<IReadOnlyList<WorkflowSummary>>;

/// <summary>One version of a workflow (default: the newest); not found is a 404.</summary>
public sealed record GetWorkflow(string Id, int? Version) : IQuery<WorkflowVersion>;

/// <summary>Every version of a workflow, newest first; an unknown workflow is a 404.</summary>
public sealed record ListWorkflowVersions(string Id) : IQuery<IReadOnlyList<WorkflowVersion>>;

// The reads stay in WorkflowDefinitions beside the saves that keep them consistent; these handlers are its read door.
public sealed class ListWorkflowsHandler(WorkflowDefinitions definitions) : IQueryHandler<ListWorkflows, IReadOnlyList<WorkflowSummary>>
{
    public async ValueTask<IReadOnlyList<WorkflowSummary>> Handle(ListWorkflows query, CancellationToken cancellationToken)
        => await definitions.ListAsync(cancellationToken);
}

public sealed class GetWorkflowHandler(WorkflowDefinitions definitions) : IQueryHandler<GetWorkflow, WorkflowVersion>
{
    public async ValueTask<WorkflowVersion> Handle(GetWorkflow query, CancellationToken cancellationToken)
        => await definitions.GetAsync(query.Id, query.Version, cancellationToken);
}

public sealed class ListWorkflowVersionsHandler(WorkflowDefinitions definitions) : IQueryHandler<ListWorkflowVersions, IReadOnlyList<WorkflowVersion>>
{
    public async ValueTask<IReadOnlyList<WorkflowVersion>> Handle(ListWorkflowVersions query, CancellationToken cancellationToken)
        => await definitions.VersionsAsync(query.Id, cancellationToken);
}
