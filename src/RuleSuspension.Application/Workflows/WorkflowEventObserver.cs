using RuleSuspension.Application.Events;
using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Workflows;

/// <summary>
/// Hands each event to the runtime. Ingestion calls it inside the unit of work that stores the event, holding the
/// customer's lock: an event stored never loses its workflow start, and a customer's events are handled in order.
/// </summary>
internal sealed class WorkflowEventObserver(WorkflowDispatcher dispatcher) : IInboundEventObserver
{
    public Task OnEventReceived(InboundEvent received, CancellationToken cancellationToken)
        => dispatcher.OnEventAsync(received, cancellationToken);
}
