using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Suspensions;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class SuspensionConfiguration : IEntityTypeConfiguration<Suspension>
{
    public void Configure(EntityTypeBuilder<Suspension> builder)
    {
        builder.HasKey(s => s.Id);

        // The domain assigns ids; a new suspension reached through its customer must be inserted, not updated.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ReasonCode).HasMaxLength(32);
        builder.Property(s => s.ReasonText).HasMaxLength(2000);
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.Property(s => s.RuleName).HasMaxLength(256);
        builder.Property(s => s.LiftedBy).HasMaxLength(256);
        builder.Property(s => s.LiftReason).HasMaxLength(2000);
        builder.ComplexProperty(s => s.AccessBefore, access => access.Property(a => a.Portal).HasConversion<string>().HasMaxLength(32));
        builder.Ignore(s => s.IsActive);

        // The database guards the invariant too: at most one active suspension per customer, whichever node writes.
        builder.HasIndex(s => s.CustomerId).IsUnique().HasFilter("\"LiftedAt\" IS NULL").HasDatabaseName("UX_Suspensions_ActivePerCustomer");
        builder.HasIndex(s => new { s.CustomerId, s.SuspendedAt });
    }
}
