using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Events;

/// <summary>
/// Told of each event in the unit of work that stores it, under the customer's lock, before the save: what an observer
/// does (the workflow runtime starts and resumes workflows) is committed with the event or not at all.
/// </summary>
public interface IInboundEventObserver
{
    Task OnEventReceived(InboundEvent received, CancellationToken cancellationToken);
}
