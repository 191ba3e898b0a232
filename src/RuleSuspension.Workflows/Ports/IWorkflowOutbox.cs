using System.Text.Json.Nodes;

namespace RuleSuspension.Workflows.Ports;

/// <summary>Writes outgoing notifications (webhooks, emails) to a persistent outbox. Idempotent by message id.</summary>
public interface IWorkflowOutbox
{
    Task EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken);
}

public sealed record OutboxRequest(Guid Id, string Type, string CustomerId, JsonObject Payload);
