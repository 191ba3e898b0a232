namespace RuleSuspension.Application.Pipeline;

/// <summary>
/// The customer unit of work of the current command, as its handler sees it (one per scope): which customer is locked,
/// which run this is, and a way to end it without writing anything.
/// </summary>
public sealed class CustomerUnitOfWork
{
    /// <summary>
    /// The customer whose lock is held, or null when the row the command names was not found (the handler then runs
    /// without a transaction and answers that the row is missing).
    /// </summary>
    public string? CustomerId { get; internal set; }

    /// <summary>1, or 2 on the re-run after a conflict at commit (<see cref="IRerunOnCommitConflict"/>).</summary>
    public int Run { get; internal set; }

    /// <summary>Set by <see cref="Discard"/>: the transaction is rolled back instead of committed.</summary>
    public bool Discarded { get; private set; }

    /// <summary>The handler's answer needs nothing written (a repeated event): roll back instead of committing.</summary>
    public void Discard() => Discarded = true;

    internal void Begin(string? customerId, int run)
    {
        CustomerId = customerId;
        Run = run;
        Discarded = false;
    }
}
