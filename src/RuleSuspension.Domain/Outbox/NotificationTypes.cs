namespace RuleSuspension.Domain.Outbox;

/// <summary>
/// The types of the notifications written to the outbox (by a workflow's <c>Notify</c> step, a suspension, a lift, an
/// overdue check or a new task) and delivered as webhooks and emails.
/// </summary>
public static class NotificationTypes
{
    public const string CustomerSuspended = "customer.suspended";
    public const string CustomerWarned = "customer.warned";
    public const string CustomerReactivated = "customer.reactivated";
    public const string TaskCreated = "task.created";

    public static IReadOnlyList<string> All { get; } = [CustomerSuspended, CustomerWarned, CustomerReactivated, TaskCreated];
}
