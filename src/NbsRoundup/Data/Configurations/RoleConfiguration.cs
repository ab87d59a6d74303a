using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NbsRoundup.Accounts;

namespace NbsRoundup.Data.Configurations;

/// <summary>The two roles exist in every catalogue: the migration inserts them, with fixed ids.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<IdentityRole>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.HasData(
        new IdentityRole { Id = "role-editor", Name = PortalRoles.Editor, NormalizedName = "EDITOR", ConcurrencyStamp = "8f0c2a55-6a4c-4a43-9b4e-0d5b7c1e2a01" },
        new IdentityRole { Id = "role-admin", Name = PortalRoles.Admin, NormalizedName = "ADMIN", ConcurrencyStamp = "3d7e9b10-2f61-4c8e-a5d2-6b1f0e9c4a02" });
}
