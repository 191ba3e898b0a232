using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Application.Workflows;

/// <summary>Writes Notify's messages to the outbox table, once per message id.</summary>
internal sealed class DbOutbox(RuleSuspensionDb db, TimeProvider clock) : IWorkflowOutbox
{
    public async Task EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken)
    {
        if (await db.Outbox.FindAsync([request.Id], cancellationToken) is not null)
        {
            return;
        }

        db.Outbox.Add(new OutboxMessage(request.Id, request.Type, request.CustomerId, request.Payload.ToJsonString(), clock.GetUtcNow()));
    }
}
