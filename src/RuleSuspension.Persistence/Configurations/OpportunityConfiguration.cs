using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Crm;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).HasMaxLength(128);
        builder.Property(o => o.CustomerId).HasMaxLength(128);
        builder.Property(o => o.BoardId).HasMaxLength(128);
        builder.Property(o => o.BoardName).HasMaxLength(256);
        builder.Property(o => o.Stage).HasMaxLength(256);
        builder.HasIndex(o => o.CustomerId);
    }
}
