using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RuleSuspension.Persistence.Catalogue;

namespace RuleSuspension.Persistence.Configurations;

internal sealed class CatalogueChangeConfiguration : IEntityTypeConfiguration<CatalogueChange>
{
    public void Configure(EntityTypeBuilder<CatalogueChange> builder)
    {
        builder.ToTable("CatalogueChanges");
        builder.HasKey(c => c.Id);
    }
}
