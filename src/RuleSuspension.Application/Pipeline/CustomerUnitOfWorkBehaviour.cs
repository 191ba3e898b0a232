using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using RuleSuspension.Application.Events;
using RuleSuspension.Persistence;
using RuleSuspension.Persistence.Locking;

namespace RuleSuspension.Application.Pipeline;

/// <summary>
/// Runs a customer command as one unit of work: takes the customer's lock (<see cref="CustomerLock"/>, across requests
/// and nodes), begins one transaction, runs the handler, and commits once (one save of everything tracked); any
/// exception rolls it all back. On a database with one writer (SQLite) the transaction is begun only at the commit, so
/// the handler reads and decides without holding the write lock; a conflict met at that save (a concurrency token, a
/// key) takes the same path as on the other databases. A command inside another's unit of work (nested) joins it.
/// </summary>
public sealed class CustomerUnitOfWorkBehaviour<TCommand, TResult>(
    RuleSuspensionDb db, CustomerLock locks, CustomerUnitOfWork work, IngestionGate gate, ILogger<CustomerUnitOfWork> logger)
    : IPipelineBehavior<TCommand, TResult>
    where TCommand : ICustomerCommand
{
    private static readonly int Runs = typeof(IRerunOnCommitConflict).IsAssignableFrom(typeof(TCommand)) ? 2 : 1;
    private static readonly bool Queued = typeof(IQueuedAtIngestion).IsAssignableFrom(typeof(TCommand));

    public async ValueTask<TResult> Handle(TCommand command, MessageHandlerDelegate<TCommand, TResult> next, CancellationToken cancellationToken)
    {
        // After validation (a bad event is refused at once), before the lock and the connection.
        using var turn = Queued ? await gate.EnterAsync(cancellationToken) : IngestionGate.Turn.None;
        var customerId = await CustomerIdAsync(command.Customer, cancellationToken);
        if (customerId is null)
        {
            // The task, instance or timer named is not there (or the timer has fired): nothing to lock, nothing to
            // write; the handler says what is missing.
            work.Begin(null, 1);
            return await next(command, cancellationToken);
        }

        for (var run = 1; ; run++)
        {
            work.Begin(customerId, run);
            await using var locked = await locks.AcquireAsync(db, customerId, cancellationToken);
            var result = await next(command, cancellationToken);
            if (work.Discarded)
            {
                await locked.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                return result;
            }

            try
            {
                await locked.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateException e) when (run < Runs && DatabaseErrors.IsConflict(e))
            {
                // What this run did is rolled back; the re-run finds the other row committed (or its own id stored).
                await locked.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                logger.LogDebug(e, "{Command} for customer {CustomerId} met a concurrent insert at its commit; run again", typeof(TCommand).Name, customerId);
            }
        }
    }

    private ValueTask<string?> CustomerIdAsync(CustomerOf customer, CancellationToken cancellationToken) => customer.Row switch
    {
        CustomerRow.None => ValueTask.FromResult(customer.Id),
        CustomerRow.HumanTask => new(db.Tasks.Where(t => t.Id == customer.RowId).Select(t => t.CustomerId).FirstOrDefaultAsync(cancellationToken)),
        CustomerRow.WorkflowInstance => new(db.WorkflowInstances.Where(i => i.Id == customer.RowId).Select(i => i.CustomerId).FirstOrDefaultAsync(cancellationToken)),
        CustomerRow.WorkflowTimer => new(db.WorkflowTimers.Where(t => t.Id == customer.RowId && !t.Fired).Select(t => t.CustomerId).FirstOrDefaultAsync(cancellationToken)),
        _ => throw new ArgumentOutOfRangeException(nameof(customer), customer.Row, "Not a row a customer is found through."),
    };
}
