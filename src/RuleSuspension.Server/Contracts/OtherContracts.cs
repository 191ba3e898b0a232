using System.Text.Json;
using RuleSuspension.Domain.Audit;
using RuleSuspension.Domain.Billing;

namespace RuleSuspension.Server.Contracts;

public sealed record InvoiceRequest(string? CustomerId, decimal? Amount, string? Currency, DateOnly? IssuedAt, DateOnly? DueDate, DateTimeOffset? PaidAt);

public sealed record InvoiceResponse(string Id, string CustomerId, decimal Amount, string Currency, DateOnly IssuedAt, DateOnly DueDate, DateTimeOffset? PaidAt)
{
    public static InvoiceResponse From(Invoice i) => new(i.Id, i.CustomerId, i.Amount, i.Currency, i.IssuedAt, i.DueDate, i.PaidAt);
}

public sealed record AuditEntryResponse(long Id, DateTimeOffset At, string Actor, string Action, string? CustomerId, JsonElement Details)
{
    public static AuditEntryResponse From(AuditEntry a) => new(a.Id, a.At, a.Actor, a.Action, a.CustomerId, JsonDocument.Parse(a.Details).RootElement);
}

public sealed record CreateKeyRequest(string? Role, string? Name);

public sealed record EventAccepted(string Id, string Status);
