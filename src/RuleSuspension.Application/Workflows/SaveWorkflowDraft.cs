using System.Text.Json;
using Mediator;
using RuleSuspension.Domain.Access;

namespace RuleSuspension.Application.Workflows;

/// <summary>Saves a definition as its workflow's draft (<see cref="WorkflowDefinitions.SaveDraftAsync"/>).</summary>
public sealed record SaveWorkflowDraft(string WorkflowId, JsonElement Definition, Actor By) : ICommand<WorkflowSaveResult>;

public sealed class SaveWorkflowDraftHandler(WorkflowDefinitions definitions) : ICommandHandler<SaveWorkflowDraft, WorkflowSaveResult>
{
    public async ValueTask<WorkflowSaveResult> Handle(SaveWorkflowDraft command, CancellationToken cancellationToken)
        => await definitions.SaveDraftAsync(command.WorkflowId, command.Definition, command.By, cancellationToken);
}

/// <summary>Publishes a workflow's draft when it is valid (<see cref="WorkflowDefinitions.PublishAsync"/>).</summary>
public sealed record PublishWorkflow(string WorkflowId, Actor By) : ICommand<WorkflowSaveResult>;

public sealed class PublishWorkflowHandler(WorkflowDefinitions definitions) : ICommandHandler<PublishWorkflow, WorkflowSaveResult>
{
    public async ValueTask<WorkflowSaveResult> Handle(PublishWorkflow command, CancellationToken cancellationToken)
        => await definitions.PublishAsync(command.WorkflowId, command.By, cancellationToken);
}
