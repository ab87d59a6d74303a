using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace NbsRoundup.Data.Configurations;

internal sealed class ChangeRecordConfiguration : IEntityTypeConfiguration<ChangeRecord>
{
    public void Configure(EntityTypeBuilder<ChangeRecord> builder)
    {
        builder.ToTable("ChangeRecords");
        // The column keeps the name it had when it held cache tags; what it holds reads the same.
        builder.Property(c => c.Changed).HasColumnName("Tags").IsRequired();
        builder.Ignore(c => c.Change);
        builder.HasIndex(c => c.CommittedAt);
    }
}
