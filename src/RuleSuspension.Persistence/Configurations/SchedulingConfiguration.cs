using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Billing;
using RuleSuspension.Domain.Jobs;
using RuleSuspension.Domain.Tenants;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).HasMaxLength(128);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
    }
}

internal sealed class OverdueWarningConfiguration : IEntityTypeConfiguration<OverdueWarning>
{
    public void Configure(EntityTypeBuilder<OverdueWarning> builder)
    {
        // The key is the guarantee: one warning per (customer, invoice), whichever node writes it.
        builder.HasKey(w => new { w.CustomerId, w.InvoiceId });
        builder.Property(w => w.CustomerId).HasMaxLength(128);
        builder.Property(w => w.InvoiceId).HasMaxLength(128);
    }
}

internal sealed class OverdueCheckRunConfiguration : IEntityTypeConfiguration<OverdueCheckRun>
{
    public void Configure(EntityTypeBuilder<OverdueCheckRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Trigger).HasMaxLength(16);
        builder.Property(r => r.RequestedBy).HasMaxLength(256);
        builder.Property(r => r.Node).HasMaxLength(256);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Error).HasMaxLength(2000);
        builder.Ignore(r => r.IsFinished);
        builder.HasIndex(r => r.CreatedAt);
    }
}

internal sealed class OverdueCheckFailureConfiguration : IEntityTypeConfiguration<OverdueCheckFailure>
{
    public void Configure(EntityTypeBuilder<OverdueCheckFailure> builder)
    {
        builder.HasKey(f => f.Id);
        builder.Property(f => f.CustomerId).HasMaxLength(128);
        builder.Property(f => f.Error).HasMaxLength(2000);
        builder.HasIndex(f => f.RunId);
    }
}
