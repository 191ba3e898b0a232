using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Domain.Billing;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).HasMaxLength(128);
        builder.Property(i => i.CustomerId).HasMaxLength(128);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Ignore(i => i.IsPaid);

        // The overdue check asks for unpaid invoices past a due date.
        builder.HasIndex(i => new { i.DueDate, i.CustomerId }).HasFilter("\"PaidAt\" IS NULL").HasDatabaseName("IX_Invoices_Unpaid_DueDate");
        builder.HasIndex(i => i.CustomerId);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(128);
        builder.Property(p => p.Name).HasMaxLength(256);
    }
}
