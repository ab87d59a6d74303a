using NbsRoundup.Importing;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// What the portal and every command do first: apply pending migrations, and
/// on an empty catalogue import the newsletters in the content folder.
/// </summary>
public static class CataloguePreparation
{
    public static async Task MigrateAsync(IServiceProvider services, ILogger logger, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        if (!await StartupCheck.NothingToDoAsync(db, ct))
        {
            await MigrateAndCatchUpAsync(db, logger, ct);
        }
        if (db.Database.IsPostgres())
        {
            // WAL, synchronous and busy timeouts are SQLite's; a PostgreSQL server keeps its own (fsync, synchronous_commit).
            logger.LogInformation("PostgreSQL: the catalogue is on {Database}", db.Database.GetDbConnection().Database);
            return;
        }
        var settings = await DatabaseSafety.EnsureAsync(db, ct);
        if (!settings.AreSafe)
        {
            logger.LogWarning("SQLite settings are not the durable ones the portal expects: {Settings}", settings.ToString());
        }
        else
        {
            logger.LogInformation("SQLite: {Settings}", settings.ToString());
        }
    }

    private static async Task MigrateAndCatchUpAsync(CatalogueDb db, ILogger logger, CancellationToken ct)
    {
        // A new database has no history table: asking it for applied migrations would make EF Core
        // (on PostgreSQL) run a failing query and log an error on every first start.
        var fresh = !await DatabaseSafety.HasMigrationHistoryAsync(db, ct);
        var unknown = fresh ? [] : await DatabaseSafety.UnknownMigrationsAsync(db, ct);
        if (unknown.Count > 0)
        {
            logger.LogCritical("The catalogue database was migrated by a newer version of NbS Round-up ({Migrations}); this version refuses to use it. Run the newer version, or restore a backup made for this one.", unknown);
            throw new DatabaseNewerThanCodeException(unknown);
        }
        var pending = fresh ? db.Database.GetMigrations().ToList() : (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} migrations: {Migrations}", pending.Count, pending);
            if (fresh)
            {
                // Made here for the same reason: EF Core's migrator on PostgreSQL reads the history
                // (and logs the failure) before it makes the database and the table itself.
                await DatabaseSafety.CreateMigrationHistoryAsync(db, ct);
            }
            await db.Database.MigrateAsync(ct);
        }
        // Before the search index: its rows are made from the stored plain text.
        if (await RenderedTexts.BackfillAsync(db, ct) is > 0 and var rendered)
        {
            logger.LogInformation("Rendered {Count} stored summaries and introductions", rendered);
        }
        if (await SearchIndex.EnsureCompleteAsync(db, ct) is > 0 and var count)
        {
            logger.LogInformation("Rebuilt the search index for {Count} entries", count);
        }
        if (await LinkKeys.BackfillAsync(db, ct) is > 0 and var keyed)
        {
            logger.LogInformation("Derived the duplicate-check key of {Count} links", keyed);
        }
        if (await PlaceScopeIndex.EnsureCompleteAsync(db, ct) is > 0 and var scoped)
        {
            logger.LogInformation("Rebuilt {Count} place scopes of the entries' places", scoped);
        }
    }

    public static async Task SeedIfEmptyAsync(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment,
        ILogger logger, CancellationToken ct = default)
    {
        if (!configuration.GetValue("Catalogue:SeedWhenEmpty", true))
        {
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
        if (await db.Issues.AnyAsync(ct))
        {
            return;
        }
        var folder = ContentFolder(configuration, environment);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("The catalogue is empty and the content folder {Folder} does not exist; nothing to import", folder);
            return;
        }
        foreach (var file in NewsletterImport.FilesIn(folder))
        {
            await using var stream = File.OpenRead(file);
            var plan = await NewsletterImport.RunAsync(db, stream, Path.GetRelativePath(folder, file), dryRun: false, "first start of the portal", ct);
            foreach (var diagnostic in plan.Diagnostics)
            {
                logger.Log(diagnostic.Severity == Severity.Error ? LogLevel.Error : LogLevel.Warning, "{Diagnostic}", diagnostic.ToString());
            }
            logger.LogInformation("Seeded {Added} entries of issue {Issue} from {File}", plan.Count(ChangeKind.Added), plan.IssueSlug, file);
        }
    }

    public static string ContentFolder(IConfiguration configuration, IHostEnvironment environment) =>
        Path.GetFullPath(configuration["Catalogue:ContentPath"] ?? "../../content", environment.ContentRootPath);
}

/// <summary>The database holds migrations this build does not know: a newer version wrote it.</summary>
public sealed class DatabaseNewerThanCodeException(IReadOnlyList<string> migrations)
    : InvalidOperationException($"The catalogue database was migrated by a newer version of NbS Round-up ({string.Join(", ", migrations)}).");
