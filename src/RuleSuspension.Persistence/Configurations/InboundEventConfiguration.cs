using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Events;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class InboundEventConfiguration : IEntityTypeConfiguration<InboundEvent>
{
    public void Configure(EntityTypeBuilder<InboundEvent> builder)
    {
        builder.ToTable("Events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(128);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.CustomerId).HasMaxLength(128);
        builder.HasIndex(e => new { e.CustomerId, e.OccurredAt });
    }
}
