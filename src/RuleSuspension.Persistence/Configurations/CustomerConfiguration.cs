using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Customers;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).HasMaxLength(128);
        builder.Property(c => c.TenantId).HasMaxLength(128);
        builder.Property(c => c.Name).HasMaxLength(512);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.PlanId).HasMaxLength(128);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.ComplexProperty(c => c.Access, access => access.Property(a => a.Portal).HasConversion<string>().HasMaxLength(32));
        builder.HasMany(c => c.Suspensions).WithOne().HasForeignKey(s => s.CustomerId);
        builder.Navigation(c => c.Suspensions).HasField("_suspensions");
        builder.Ignore(c => c.ActiveSuspension);
        builder.Ignore(c => c.Profile);
        builder.Ignore(c => c.DomainEvents);
        builder.HasIndex(c => c.TenantId);
        builder.HasIndex(c => c.Status);
    }
}
