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
        builder.HasMany(m => m.Deliveries).WithOne(d => d.Message).HasForeignKey(d => d.MessageId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Deliveries).HasField("_deliveries");

        // The senders take the oldest due deliveries first; operators list the newest messages first.
        builder.HasIndex(m => m.CreatedAt);
        builder.HasIndex(m => m.CustomerId);
    }
}

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> builder)
    {
        builder.ToTable("OutboxDeliveries");
        builder.HasKey(d => new { d.MessageId, d.Channel });
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(2000);

        // A channel's sender asks for its pending deliveries that are due: never tried, past their backoff or an
        // abandoned claim; the backlog and the operators' filters ask by channel and status too.
        builder.HasIndex(d => new { d.Channel, d.Status, d.NextAttemptAt });
        builder.HasIndex(d => d.Status);
    }
}
