using Mediator;

namespace RuleSuspension.Application.Pipeline;

/// <summary>
/// A command that changes one customer: <see cref="CustomerUnitOfWorkBehaviour{TCommand,TResult}"/> runs its handler
/// holding that customer's lock, in one transaction committed once.
/// </summary>
public interface ICustomerCommand : IBaseCommand
{
    /// <summary>Whose lock the command takes: named by the command, or found from the row it is about.</summary>
    CustomerOf Customer { get; }
}

/// <summary>
/// A customer command that is run once more when its commit meets a concurrent insert of a row other than its own
/// (the first events naming a new plan race to insert it): once that row has committed, the command applies cleanly.
/// </summary>
public interface IRerunOnCommitConflict : ICustomerCommand;

/// <summary>
/// A customer command that waits for a turn at the <see cref="Events.IngestionGate"/> before it takes the lock: a burst
/// of events queues in the server (or is answered 503) instead of piling onto the database's connections.
/// </summary>
public interface IQueuedAtIngestion : ICustomerCommand;

/// <summary>The rows a command can name its customer through.</summary>
public enum CustomerRow
{
    /// <summary>The command names the customer.</summary>
    None,
    HumanTask,
    WorkflowInstance,
    WorkflowTimer,
}

/// <summary>The customer a command is about: its id, or the task, instance or timer whose customer it is.</summary>
public readonly record struct CustomerOf(string? Id, CustomerRow Row, Guid RowId)
{
    public static CustomerOf Named(string customerId) => new(customerId, CustomerRow.None, Guid.Empty);

    public static CustomerOf Task(Guid taskId) => new(null, CustomerRow.HumanTask, taskId);

    public static CustomerOf Instance(Guid instanceId) => new(null, CustomerRow.WorkflowInstance, instanceId);

    /// <summary>A timer's customer while the timer is unfired: a fired one is nobody's work any more.</summary>
    public static CustomerOf UnfiredTimer(Guid timerId) => new(null, CustomerRow.WorkflowTimer, timerId);

    public override string ToString() => Row == CustomerRow.None ? Id ?? "" : $"{Row} {RowId}";
}
