using RuleSuspension.Application.Customers;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Persistence;
using RuleSuspension.Workflows.Ports;

namespace RuleSuspension.Infrastructure.Outbox;

/// <summary>Writes Notify's messages to the outbox table, once per message id.</summary>
internal sealed class DbOutbox(RuleSuspensionDb db, TimeProvider clock) : IWorkflowOutbox
{
    public Task EnqueueAsync(OutboxRequest request, CancellationToken cancellationToken)
    {
        // The id is (instance, activity, visit): a visit's effects are written in the run's one transaction, so only this
        // unit of work could hold it already; the primary key guards the rest.
        if (db.Tracked<OutboxMessage>(request.Id) is not null)
        {
            return Task.CompletedTask;
        }

        db.Outbox.Add(new OutboxMessage(request.Id, request.Type, request.CustomerId, request.Payload.ToJsonString(), clock.GetUtcNow()));
        return Task.CompletedTask;
    }
}
