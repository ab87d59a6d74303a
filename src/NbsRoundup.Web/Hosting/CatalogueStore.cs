using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Hosting;

/// <summary>Registers the catalogue database named by ConnectionStrings:Catalogue.</summary>
public static class CatalogueStore
{
    public static IServiceCollection AddCatalogueStore(this IServiceCollection services)
    {
        // Pooled: EF's per-request set-up cost dominates small pages. The connection string is read
        // when the pool is built, so configuration added by a test host or the command line counts.
        services.AddDbContextPool<CatalogueDb>((provider, options) => options
            .UseSqlite(ResolveConnectionString(provider.GetRequiredService<IConfiguration>().GetConnectionString("Catalogue"),
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath))
            .AddInterceptors(SqliteTuning.Instance)
            // Others registered as services: tests count SQL commands this way.
            .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        return services;
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
