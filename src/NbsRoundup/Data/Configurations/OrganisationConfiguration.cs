using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Data.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.HasIndex(o => o.Slug).IsUnique();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.Slug).HasMaxLength(100);
        builder.Property(o => o.Name).HasMaxLength(300);
        builder.Property(o => o.ShortName).HasMaxLength(50);
        builder.Property(o => o.NormalizedName).HasMaxLength(300);
        builder.Property(o => o.NormalizedShortName).HasMaxLength(50);
        builder.HasIndex(o => o.NormalizedName);
        builder.HasIndex(o => o.NormalizedShortName);
        builder.HasMany(o => o.Aliases).WithOne().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class OrganisationAliasConfiguration : IEntityTypeConfiguration<OrganisationAlias>
{
    public void Configure(EntityTypeBuilder<OrganisationAlias> builder)
    {
        builder.Property(a => a.Name).HasMaxLength(300);
        builder.Property(a => a.NormalizedName).HasMaxLength(300);
        builder.HasIndex(a => a.NormalizedName);
    }
}
