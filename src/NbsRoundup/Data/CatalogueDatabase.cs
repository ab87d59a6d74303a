using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace NbsRoundup.Data;

/// <summary>The database engines the catalogue runs on.</summary>
public enum DatabaseProvider
{
    /// <summary>An SQLite file beside the portal: one command, no server. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server, shared by several portal instances.</summary>
    Postgres,
}

/// <summary>
/// Opens the catalogue on either engine. Each engine has its own migrations: SQLite's live in this
/// assembly (Data/Migrations), PostgreSQL's in NbsRoundup.Migrations.Postgres, because one set of
/// migrations cannot serve two engines (column types, the full-text table).
/// </summary>
public static class CatalogueDatabase
{
    public const string PostgresMigrationsAssembly = "NbsRoundup.Migrations.Postgres";

    private const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";

    /// <summary>Reads `Database:Provider` ("Sqlite" when empty); anything else is refused, never guessed.</summary>
    public static DatabaseProvider ParseProvider(string? configured) =>
        string.IsNullOrWhiteSpace(configured) ? DatabaseProvider.Sqlite
        : Enum.TryParse<DatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
        : throw new InvalidOperationException($"Database:Provider '{configured}' is not known; use Sqlite or Postgres.");

    /// <summary>Points the options at the catalogue on the given engine, with that engine's migrations, compiled model and settings.</summary>
    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (CompiledModel.For(provider) is { } model)
        {
            options.UseModel(model);
        }
        return provider switch
        {
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
            _ => options.UseSqlite(connectionString).AddInterceptors(SqliteTuning.Instance),
        };
    }

    /// <summary>New options for a catalogue context outside dependency injection (commands, tests, benchmarks).</summary>
    public static DbContextOptions<CatalogueDb> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<CatalogueDb>();
        builder.Use(provider, connectionString);
        return builder.Options;
    }

    /// <summary>The engine a context runs on.</summary>
    public static DatabaseProvider Provider(this DatabaseFacade database) =>
        database.ProviderName == NpgsqlProviderName ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static bool IsPostgres(this DatabaseFacade database) => database.Provider() == DatabaseProvider.Postgres;

    /// <summary>The engine options point at, without making a context (whose first one sets up all of EF Core's services).</summary>
    public static DatabaseProvider Provider(this DbContextOptions options) =>
        options.Extensions.Any(e => e.Info.IsDatabaseProvider && e.GetType().Assembly == typeof(NpgsqlDbContextOptionsBuilder).Assembly)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
}
