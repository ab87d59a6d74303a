using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace NbsRoundup.Data;

/// <summary>Lets `dotnet ef` build the model without starting the web host.</summary>
internal sealed class DesignTimeCatalogueDbFactory : IDesignTimeDbContextFactory<CatalogueDb>
{
    public CatalogueDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CatalogueDb>().UseSqlite("Data Source=design-time.db").Options);
}
