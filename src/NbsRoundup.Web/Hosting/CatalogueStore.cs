using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Registers the catalogue database: `Database:Provider` (Sqlite, the default, or Postgres) and
/// `ConnectionStrings:Catalogue`. The web host and every command verb come through here, so
/// switching engines is configuration, never code.
/// </summary>
public static class CatalogueStore
{
    /// <summary>Names the key ring, so that every instance (and version) of the portal reads the same keys.</summary>
    public const string ApplicationName = "NbsRoundup";

    public static IServiceCollection AddCatalogueStore(this IServiceCollection services)
    {
        // Pooled: EF's per-request set-up cost dominates small pages. Provider and connection string are
        // read when the pool is built, so configuration added by a test host or the command line counts.
        services.AddDbContextPool<CatalogueDb>((provider, options) =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var engine = Provider(configuration);
            options.Use(engine, ConnectionString(configuration, engine, provider.GetRequiredService<IHostEnvironment>().ContentRootPath))
                // Interceptors registered as services: tests count SQL commands this way.
                .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>());
        });
        // Keys that sign cookies and antiforgery tokens live in the catalogue, so a cookie issued by
        // one instance is accepted by every other instance on the same database.
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<CatalogueDb>();
        return services;
    }

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        CatalogueDatabase.ParseProvider(configuration["Database:Provider"]);

    /// <summary>The configured connection string; an SQLite file is resolved against the content root.</summary>
    public static string ConnectionString(IConfiguration configuration, DatabaseProvider provider, string contentRoot)
    {
        var configured = configuration.GetConnectionString("Catalogue");
        if (provider == DatabaseProvider.Sqlite)
        {
            return ResolveConnectionString(configured, contentRoot);
        }
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Catalogue is empty; give e.g. \"Host=127.0.0.1;Database=nbs;Username=nbs;Password=...\".")
            : configured;
    }

    /// <summary>
    /// A relative SQLite file is taken relative to the web project (the content root), not to
    /// whatever directory the process happens to start in, and its folder is created.
    /// </summary>
    public static string ResolveConnectionString(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=App_Data/catalogue.db" : configured);
        var source = builder.DataSource;
        var inMemory = source.Length == 0 || source == ":memory:" || builder.Mode == SqliteOpenMode.Memory;
        if (!inMemory && !source.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            var path = Path.GetFullPath(source, contentRoot);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        return builder.ToString();
    }
}
