using RuleSuspension.Domain.Events;

namespace RuleSuspension.Application.Events;

/// <summary>Told of each event once it is stored (the workflow runtime starts and resumes workflows from it).</summary>
public interface IInboundEventObserver
{
    Task OnEventStored(InboundEvent storedEvent, CancellationToken cancellationToken);
}
