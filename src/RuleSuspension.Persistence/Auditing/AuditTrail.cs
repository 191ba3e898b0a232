using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Common;
using RuleSuspension.Domain.Customers;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Persistence.Auditing;

/// <summary>Turns the domain events of tracked aggregates into audit entries, inside the same SaveChanges.</summary>
internal static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Record(RuleSuspensionDb db)
    {
        var sources = db.ChangeTracker.Entries<IHasDomainEvents>()
            .Select(e => e.Entity)
            .Where(e => e.DomainEvents.Count > 0)
            .ToList();
        foreach (var source in sources)
        {
            foreach (var domainEvent in source.DomainEvents)
            {
                db.AuditEntries.Add(new AuditEntry(domainEvent.At, domainEvent.Actor.ToString(), domainEvent.Action, domainEvent.CustomerId, Describe(domainEvent)));
            }

            source.ClearDomainEvents();
        }
    }

    private static string Describe(DomainEvent domainEvent) => domainEvent switch
    {
        CustomerSuspended s => JsonSerializer.Serialize(new
        {
            suspensionId = s.Suspension.Id,
            kind = s.Suspension.Kind.ToString().ToLowerInvariant(),
            s.Suspension.ReasonCode,
            s.Suspension.ReasonText,
            s.Suspension.DecidedBy,
            s.Suspension.WorkflowInstanceId,
            s.Suspension.RuleName,
        }, Json),
        SuspensionLifted l => JsonSerializer.Serialize(new { suspensionId = l.Suspension.Id, l.Suspension.LiftReason, l.Suspension.LiftedBy }, Json),
        CustomerCreated c => JsonSerializer.Serialize(new { after = c.Profile }, Json),
        ExemptionChanged e => JsonSerializer.Serialize(new { e.WasExempt, e.WasExemptUntil, e.Exempt, e.ExemptUntil, e.Reason }, Json),
        CustomerProfileChanged c => JsonSerializer.Serialize(new { before = c.Before, after = c.After }, Json),
        _ => JsonSerializer.Serialize(domainEvent, domainEvent.GetType(), Json),
    };
}
