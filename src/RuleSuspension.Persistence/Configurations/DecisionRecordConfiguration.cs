using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Decisions;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class DecisionRecordConfiguration : IEntityTypeConfiguration<DecisionRecord>
{
    public void Configure(EntityTypeBuilder<DecisionRecord> builder)
    {
        builder.ToTable("DecisionRecords");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.CustomerId).HasMaxLength(128);
        builder.Property(d => d.Origin).HasMaxLength(32);
        builder.Property(d => d.RuleSetKind).HasMaxLength(16);
        builder.Property(d => d.RuleSetName).HasMaxLength(128);
        builder.Property(d => d.RuleSetSource).HasMaxLength(512);
        builder.Property(d => d.Outcome).HasMaxLength(16);
        builder.Property(d => d.ReasonCode).HasMaxLength(64);

        // A customer's decisions, newest first.
        builder.HasIndex(d => new { d.CustomerId, d.DecidedAt });
    }
}
