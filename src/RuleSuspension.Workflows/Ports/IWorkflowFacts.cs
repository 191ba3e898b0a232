using RuleSuspension.Rules.Facts;

namespace RuleSuspension.Workflows.Ports;

/// <summary>Builds the facts of a customer (customer, invoices, opportunity, plan, the event) from the system of record.</summary>
public interface IWorkflowFacts
{
    /// <param name="customerId">The customer.</param>
    /// <param name="eventId">The event the facts are about (its opportunity, plan, data), if any.</param>
    /// <param name="asOf">The check's date; null for the clock's date.</param>
    /// <param name="needs">The parts the reader reads (its compiled rules or condition tell); the rest may be left empty.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<FactSet> BuildAsync(string customerId, string? eventId, DateOnly? asOf, FactNeeds needs, CancellationToken cancellationToken);
}
