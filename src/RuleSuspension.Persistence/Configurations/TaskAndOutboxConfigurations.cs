using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Outbox;
using RuleSuspension.Domain.Tasks;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class HumanTaskConfiguration : IEntityTypeConfiguration<HumanTask>
{
    public void Configure(EntityTypeBuilder<HumanTask> builder)
    {
        builder.ToTable("Tasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.CustomerId).HasMaxLength(128);
        builder.Property(t => t.Kind).HasMaxLength(64);
        builder.Property(t => t.Title).HasMaxLength(512);
        builder.Property(t => t.Role).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.CompletedByRole).HasConversion<string>().HasMaxLength(32);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ActivityId).HasMaxLength(128);
        builder.Property(t => t.ReasonCode).HasMaxLength(32);
        builder.Property(t => t.CompletedBy).HasMaxLength(256);
        builder.Property(t => t.Outcome).HasMaxLength(128);
        builder.Property(t => t.Reason).HasMaxLength(2000);
        builder.Ignore(t => t.DomainEvents);
        builder.Ignore(t => t.IsLiftTask);

        // A re-run of the same step never opens the task twice.
        builder.HasIndex(t => new { t.WorkflowInstanceId, t.ActivityId, t.Visit }).IsUnique();
        builder.HasIndex(t => new { t.CustomerId, t.Status });
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Type).HasMaxLength(64);
        builder.Property(m => m.CustomerId).HasMaxLength(128);
        builder.Property(m => m.LastError).HasMaxLength(2000);
        builder.Property(m => m.EmailLastError).HasMaxLength(2000);

        // The sender asks for undelivered messages, oldest first.
        builder.HasIndex(m => new { m.DeliveredAt, m.CreatedAt });

        // ... that are due: never tried, or past their backoff or an abandoned claim.
        builder.HasIndex(m => new { m.DeliveredAt, m.NextAttemptAt });
        builder.HasIndex(m => m.CustomerId);

        // The email sender's due messages, tracked apart from the webhooks.
        builder.HasIndex(m => new { m.EmailedAt, m.EmailNextAttemptAt });
    }
}
