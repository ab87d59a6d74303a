using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Accounts;

namespace NbsRoundup.Data.Configurations;

internal sealed class UnknownAccountLockoutConfiguration : IEntityTypeConfiguration<UnknownAccountLockout>
{
    public void Configure(EntityTypeBuilder<UnknownAccountLockout> builder)
    {
        builder.HasKey(l => l.AddressHash);
        builder.Property(l => l.AddressHash).HasMaxLength(64);
        builder.HasIndex(l => l.LastFailedAt);
    }
}
