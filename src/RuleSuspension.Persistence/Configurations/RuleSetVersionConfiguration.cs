using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.RuleSets;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class RuleSetVersionConfiguration : IEntityTypeConfiguration<RuleSetVersion>
{
    public void Configure(EntityTypeBuilder<RuleSetVersion> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(128);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.Property(r => r.Change).HasMaxLength(32);

        // Two nodes saving a version at once: one wins, the other retries on the next number.
        builder.HasIndex(r => new { r.Name, r.Version }).IsUnique();
    }
}
