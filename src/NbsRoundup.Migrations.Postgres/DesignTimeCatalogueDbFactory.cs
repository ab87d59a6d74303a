using Microsoft.EntityFrameworkCore.Design;
using NbsRoundup.Data;

namespace NbsRoundup.Migrations.Postgres;

/// <summary>
/// Lets `dotnet ef` build the PostgreSQL model without starting the web host. Adding a migration
/// or checking for model changes needs no server; `database update` uses NBS_POSTGRES_DESIGN_TIME.
/// </summary>
internal sealed class DesignTimeCatalogueDbFactory : IDesignTimeDbContextFactory<CatalogueDb>
{
    public CatalogueDb CreateDbContext(string[] args) =>
        new(CatalogueDatabase.Options(DatabaseProvider.Postgres,
            Environment.GetEnvironmentVariable("NBS_POSTGRES_DESIGN_TIME") ?? "Host=127.0.0.1;Database=nbs_design_time;Username=postgres"));
}
