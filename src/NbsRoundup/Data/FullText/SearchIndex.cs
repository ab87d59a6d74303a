using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using NbsRoundup.Catalogue;
using NbsRoundup.Text;

namespace NbsRoundup.Data;

/// <summary>
/// The full-text index behind keyword search: one row per entry that readers may see
/// (published, in a published issue), keyed by entry id. Drafts have no row, so a match is
/// already a visible entry and counting matches needs no join. It is kept in step by
/// CatalogueDb.SaveChanges, inside the same transaction as the change, for every entry whose
/// text, visibility, organisations or organisations' names changed. Each engine stores it its
/// own way (SQLite FTS5, PostgreSQL tsvector), from the same SearchAnalyzer tokens.
/// </summary>
public static class SearchIndex
{
    public const string Table = "EntrySearch";

    /// <summary>
    /// The version of how index rows are made (the table's columns, the analyzer's tokens): change it
    /// with them, and the next start finds the index of an older version and rebuilds it.
    /// </summary>
    public const int FormatVersion = 1;

    /// <summary>What a save will change in the index, read from the change tracker before saving.</summary>
    public sealed class PendingWork
    {
        internal List<Entry> Entries { get; } = [];
        /// <summary>New entries whose texts and organisations' names are all in memory: indexed without a read.</summary>
        internal List<Entry> Known { get; } = [];
        internal HashSet<int> EntryIds { get; } = [];
        internal HashSet<int> OrganisationIds { get; } = [];
        internal HashSet<int> IssueIds { get; } = [];
        internal HashSet<int> Deleted { get; } = [];

        public bool IsEmpty => Entries.Count == 0 && Known.Count == 0 && EntryIds.Count == 0 && OrganisationIds.Count == 0 && IssueIds.Count == 0 && Deleted.Count == 0;
    }

    /// <summary>The index of the engine a context runs on.</summary>
    internal static IFullTextIndex For(CatalogueDb db) =>
        db.Database.IsPostgres() ? PostgresFullTextIndex.Instance : SqliteFullTextIndex.Instance;

    public static PendingWork Collect(ChangeTracker tracker)
    {
        var work = new PendingWork();
        foreach (var change in tracker.Entries())
        {
            if (change.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            switch (change.Entity)
            {
                case Entry entry when change.State == EntityState.Deleted:
                    work.Deleted.Add(entry.Id);
                    break;
                case Entry entry when change.State == EntityState.Added && InMemory(tracker, entry):
                    work.Known.Add(entry);
                    break;
                case Entry entry:
                    work.Entries.Add(entry);
                    break;
                case EntryOrganisation link:
                    work.EntryIds.Add(link.EntryId);
                    break;
                case Organisation organisation when change.State != EntityState.Added:
                    work.OrganisationIds.Add(organisation.Id);
                    break;
                case OrganisationAlias alias:
                    work.OrganisationIds.Add(alias.OrganisationId);
                    break;
                case Issue issue when change.State == EntityState.Modified && change.Property(nameof(Issue.IsPublished)).IsModified:
                    work.IssueIds.Add(issue.Id);
                    break;
                default:
                    break;
            }
        }
        return work;
    }

    /// <summary>Brings the index rows of the changed entries up to date; runs after SaveChanges, in its transaction.</summary>
    public static async Task ApplyAsync(CatalogueDb db, PendingWork work, CancellationToken ct)
    {
        var ids = work.EntryIds.Concat(work.Entries.Select(e => e.Id)).Where(id => id > 0).ToHashSet();
        if (work.OrganisationIds.Count > 0)
        {
            var organisationIds = work.OrganisationIds.ToList();
            ids.UnionWith(await db.EntryOrganisations.Where(eo => organisationIds.Contains(eo.OrganisationId)).Select(eo => eo.EntryId).ToListAsync(ct));
        }
        if (work.IssueIds.Count > 0)
        {
            var issueIds = work.IssueIds.ToList();
            ids.UnionWith(await db.Entries.Where(e => issueIds.Contains(e.IssueId)).Select(e => e.Id).ToListAsync(ct));
        }
        ids.ExceptWith(work.Deleted);
        ids.ExceptWith(work.Known.Select(e => e.Id));
        await WriteAsync(db, ids.Concat(work.Deleted).ToList(), ids.ToList(), ct);
        // New entries have no rows to replace.
        await For(db).InsertAsync(db, work.Known.Where(e => e.IsPublished && e.Issue.IsPublished).Select(SearchDocument.For).ToList(), ct);
    }

    /// <summary>Drops and rewrites every row, and records the index as complete, in one transaction.</summary>
    public static async Task<int> RebuildAsync(CatalogueDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await For(db).ClearAsync(db, ct);
        var ids = await db.Entries.Select(e => e.Id).ToListAsync(ct);
        await WriteAsync(db, [], ids, ct);
        await DerivedTables.RecordCompleteAsync(db, Table, FormatVersion, ct);
        await transaction.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>
    /// What start-up does: reads the index's IndexVersions row and rebuilds the index unless it says the
    /// index is complete and of this FormatVersion (see <see cref="DerivedTables"/>).
    /// </summary>
    /// <returns>How many entries were indexed anew; 0 when the index was complete.</returns>
    public static Task<int> EnsureCompleteAsync(CatalogueDb db, CancellationToken ct) =>
        DerivedTables.EnsureCompleteAsync(db, Table, FormatVersion, () => IsCompleteAsync(db, ct), () => RebuildAsync(db, ct), ct);

    /// <summary>True when the index has a row for every visible entry: counts both, so it takes time in proportion to the catalogue.</summary>
    public static async Task<bool> IsCompleteAsync(CatalogueDb db, CancellationToken ct) =>
        await For(db).CountRowsAsync(db, ct) == await db.Entries.Published().LongCountAsync(ct);

    /// <summary>The ids of the visible entries a query finds, as a query EF can compose (`e.Id IN (...)`).</summary>
    public static IQueryable<int> Matches(CatalogueDb db, KeywordQuery query)
    {
        var command = For(db).Matches(query);
        return db.Database.SqlQueryRaw<int>(command.Sql, command.Parameters);
    }

    /// <summary>How many visible entries a query finds: counted in the index alone.</summary>
    public static Task<int> CountAsync(CatalogueDb db, KeywordQuery query, CancellationToken ct) =>
        Matches(db, query).CountAsync(ct);

    /// <summary>Matches with their rank (lower is better; title matches before summary matches), for sorting by relevance.</summary>
    public static IQueryable<SearchHit> Ranked(CatalogueDb db, KeywordQuery query)
    {
        var command = For(db).Ranked(query);
        return db.Database.SqlQueryRaw<SearchHit>(command.Sql, command.Parameters);
    }

    /// <summary>
    /// <see cref="Matches"/> read as they come, straight from the data reader: for the catalogue's
    /// columns, which take tens of thousands of ids per query, EF's materialisation of each row took
    /// as long again as the index itself (raw SQL through EF's command pipeline all the same).
    /// </summary>
    public static async IAsyncEnumerable<int> StreamMatchesAsync(CatalogueDb db, KeywordQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await ReadAsync(db, For(db).Matches(query), ct);
        while (await reader.ReadAsync(ct))
        {
            yield return reader.DbDataReader.GetInt32(0);
        }
    }

    /// <summary>
    /// <see cref="Ranked"/> read as they come, as <see cref="StreamMatchesAsync"/> reads, each hit
    /// saying whether it also matches the keywords as typed (<paramref name="typed"/>; null when the
    /// query was not expanded, and every hit matches them). When the engine cannot tell that within
    /// the one query, every hit says true and <c>TypedIds</c> streams the typed keywords' own matches.
    /// </summary>
    public static (IAsyncEnumerable<RankedHit> Hits, IAsyncEnumerable<int>? TypedIds) StreamRanked(CatalogueDb db, KeywordQuery query, KeywordQuery? typed, CancellationToken ct)
    {
        var index = For(db);
        if (typed is null)
        {
            return (StreamRankedAsync(db, index.Ranked(query), marking: false, ct), null);
        }
        return index.RankedMarking(query, typed) is { } marking
            ? (StreamRankedAsync(db, marking, marking: true, ct), null)
            : (StreamRankedAsync(db, index.Ranked(query), marking: false, ct), StreamMatchesAsync(db, typed, ct));
    }

    private static async IAsyncEnumerable<RankedHit> StreamRankedAsync(CatalogueDb db, IndexCommand command, bool marking, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var reader = await ReadAsync(db, command, ct);
        var row = reader.DbDataReader;
        while (await reader.ReadAsync(ct))
        {
            yield return new RankedHit(row.GetInt32(0), row.GetDouble(1), !marking || row.GetInt32(2) != 0);
        }
    }

    /// <summary>The command run through EF's command pipeline (its interceptors, logging, connection handling); disposing the reader closes what it opened.</summary>
    private static Task<RelationalDataReader> ReadAsync(CatalogueDb db, IndexCommand command, CancellationToken ct)
    {
        var raw = db.GetService<IRawSqlCommandBuilder>().Build(command.Sql, command.Parameters, db.Model);
        return raw.RelationalCommand.ExecuteReaderAsync(new RelationalCommandParameterObject(
            db.GetService<IRelationalConnection>(), raw.ParameterValues, null, db, db.GetService<IRelationalCommandDiagnosticsLogger>()), ct);
    }

    /// <summary>Visible entries whose titles hold any of these phrases of analyzer tokens, best first (lower rank).</summary>
    public static IQueryable<SearchHit> TitleCandidates(CatalogueDb db, IReadOnlyList<IReadOnlyList<string>> phrases) => For(db).TitleCandidates(db, phrases);

    private static async Task WriteAsync(CatalogueDb db, List<int> remove, List<int> add, CancellationToken ct)
    {
        if (remove.Count == 0 && add.Count == 0)
        {
            return;
        }
        var index = For(db);
        await index.DeleteAsync(db, remove, ct);
        foreach (var chunk in add.Chunk(500))
        {
            await index.InsertAsync(db, await LoadAsync(db, chunk, ct), ct);
        }
    }

    private static async Task<List<SearchDocument>> LoadAsync(CatalogueDb db, int[] ids, CancellationToken ct)
    {
        var rows = await db.Entries.AsNoTracking().Published()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Title, e.OriginalTitle, e.SummaryText, e.Authors, e.Speaker,
                Organisations = e.Organisations.OrderBy(o => o.Position).Select(o => new
                {
                    o.Organisation.Name, o.Organisation.ShortName, o.Organisation.Slug,
                    Aliases = o.Organisation.Aliases.Select(a => a.Name).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(r => SearchDocument.For(r.Id, r.Title, r.OriginalTitle, r.SummaryText, r.Authors, r.Speaker,
            r.Organisations.SelectMany(o => SearchDocument.NamesOf(o.Name, o.ShortName, o.Slug, o.Aliases))))
            .ToList();
    }

    /// <summary>
    /// True when a new entry can be indexed from memory: its issue is known and each of its
    /// organisations is new or has its aliases loaded (an import's and a form's are).
    /// </summary>
    private static bool InMemory(ChangeTracker tracker, Entry entry) =>
        entry.Issue is not null
        && entry.Organisations.All(link => link.Organisation is { } o
            && (tracker.Context.Entry(o) is var tracked && (tracked.State == EntityState.Added || tracked.Collection(nameof(Organisation.Aliases)).IsLoaded)));
}

/// <summary>The texts of a visible entry that keyword search looks in: plain text, people and every name of its organisations.</summary>
internal sealed record SearchDocument(int Id, string Title, string Original, string Summary, string People, string Organisations)
{
    /// <summary>An entry in memory, its organisations' aliases loaded, its summary rendered (RenderedTexts runs first).</summary>
    public static SearchDocument For(Entry entry) =>
        For(entry.Id, entry.Title, entry.OriginalTitle, entry.SummaryText, entry.Authors, entry.Speaker,
            entry.Organisations.OrderBy(o => o.Position).SelectMany(o => NamesOf(o.Organisation.Name, o.Organisation.ShortName, o.Organisation.Slug, o.Organisation.Aliases.Select(a => a.Name))));

    /// <summary>Every name an organisation is searched by, aliases in one fixed order (a database returns them in any order).</summary>
    public static IEnumerable<string> NamesOf(string name, string? shortName, string slug, IEnumerable<string> aliases) =>
        new[] { name, shortName ?? "", slug }.Concat(aliases.Order(StringComparer.Ordinal));

    /// <summary>The one derivation of an entry's search texts, whichever path saved the entry: the summary's stored plain text.</summary>
    public static SearchDocument For(int id, string title, string? original, string summaryText, string? authors, string? speaker, IEnumerable<string> organisationNames) =>
        new(id, title, original ?? "", summaryText, $"{authors} {speaker}", string.Join(" ", organisationNames));
}

/// <summary>A row of the full-text index matched by a query.</summary>
public sealed record SearchHit(int Id, double Rank);

/// <summary>A match, its rank (lower is better), and whether it matches the keywords as typed, not only through the glossary's equivalents.</summary>
public readonly record struct RankedHit(int Id, double Rank, bool Typed);
