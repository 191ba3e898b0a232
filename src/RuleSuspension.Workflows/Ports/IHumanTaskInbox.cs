namespace RuleSuspension.Workflows.Ports;

/// <summary>Opens tasks for people. Idempotent: the same (instance, activity, visit) always gives the same task.</summary>
public interface IHumanTaskInbox
{
    Task<Guid> OpenAsync(OpenTaskRequest request, CancellationToken cancellationToken);
}

public sealed record OpenTaskRequest(
    Guid InstanceId,
    string ActivityId,
    int Visit,
    string CustomerId,
    string Kind,
    string Title,
    string Role,
    IReadOnlyList<string> Outcomes,
    Guid? SuspensionId,
    string? ReasonCode);
