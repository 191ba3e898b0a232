using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Workflows.Definitions;
using RuleSuspension.Workflows.Runtime;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class WorkflowVersionConfiguration : IEntityTypeConfiguration<WorkflowVersion>
{
    public void Configure(EntityTypeBuilder<WorkflowVersion> builder)
    {
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.DefinitionId).HasMaxLength(128);
        builder.Property(v => v.Name).HasMaxLength(256);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(v => v.ContentHash).HasMaxLength(64);
        builder.Property(v => v.Source).HasMaxLength(16);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);

        // Two nodes saving a version at once: one wins, the other retries on the next number.
        builder.HasIndex(v => new { v.DefinitionId, v.Version }).IsUnique();

        // Every event asks for the published versions: a handful of rows, whatever the history.
        builder.HasIndex(v => v.Status);
    }
}

internal sealed class WorkflowInstanceConfiguration : IEntityTypeConfiguration<WorkflowInstance>
{
    public void Configure(EntityTypeBuilder<WorkflowInstance> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.DefinitionId).HasMaxLength(128);
        builder.Property(i => i.CustomerId).HasMaxLength(128);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.CurrentActivityId).HasMaxLength(128);
        builder.Property(i => i.EventId).HasMaxLength(128);
        builder.Property(i => i.Fault).HasMaxLength(2000);
        builder.Property(i => i.Variables).StoredAsJson();
        builder.Property(i => i.Bookmarks).StoredAsJson();
        builder.Property(i => i.Visits).StoredAsJson();
        builder.Property(i => i.Decision).StoredAsJson();
        builder.Property(i => i.LastCompletion).StoredAsJson();
        builder.Property(i => i.Version).IsConcurrencyToken();

        // Resuming by event looks only at the waiting instances of one customer, however many instances pile up.
        builder.HasIndex(i => new { i.CustomerId, i.Status });
        builder.HasIndex(i => new { i.DefinitionId, i.DefinitionVersion });
        builder.HasIndex(i => i.Status);
    }
}

internal sealed class WorkflowJournalEntryConfiguration : IEntityTypeConfiguration<WorkflowJournalEntry>
{
    public void Configure(EntityTypeBuilder<WorkflowJournalEntry> builder)
    {
        // A child table, appended to: saving a step never rewrites the journal so far. The key is the instance and the
        // step's number (no generated id for the database to hand back on every insert, no second index to keep).
        builder.ToTable("WorkflowJournal");
        builder.HasKey(e => new { e.InstanceId, e.Sequence });
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.ActivityId).HasMaxLength(128);
        builder.Property(e => e.ActivityType).HasMaxLength(64);
        builder.Property(e => e.Outcome).HasMaxLength(128);
        builder.HasOne<WorkflowInstance>().WithMany().HasForeignKey(e => e.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WorkflowTimerConfiguration : IEntityTypeConfiguration<WorkflowTimer>
{
    public void Configure(EntityTypeBuilder<WorkflowTimer> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.CustomerId).HasMaxLength(128);
        builder.Property(t => t.ActivityId).HasMaxLength(128);
        builder.HasIndex(t => new { t.Fired, t.DueAt });
        builder.HasIndex(t => t.InstanceId);
    }
}

internal sealed class WorkflowTriggerRecordConfiguration : IEntityTypeConfiguration<WorkflowTriggerRecord>
{
    public void Configure(EntityTypeBuilder<WorkflowTriggerRecord> builder)
    {
        builder.ToTable("WorkflowTriggers");

        // The same event never starts the same workflow twice, whichever node sees it.
        builder.HasKey(t => new { t.DefinitionId, t.EventId });
        builder.Property(t => t.DefinitionId).HasMaxLength(128);
        builder.Property(t => t.EventId).HasMaxLength(128);
    }
}
