using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Rendering;

namespace NbsRoundup.Search;

/// <summary>
/// The SQLite FTS5 table behind keyword search: one row per entry that readers may see
/// (published, in a published issue), rowid = entry id. Drafts have no row, so a match is
/// already a visible entry and counting matches needs no join. It is kept in step by
/// CatalogueDb.SaveChanges, inside the same transaction as the change, for every entry whose
/// text, visibility, organisations or organisations' names changed.
/// </summary>
public static class SearchIndex
{
    public const string Table = "EntrySearch";

    /// <summary>The columns, in order; bm25 weights below follow this order.</summary>
    public const string CreateTableSql =
        "CREATE VIRTUAL TABLE \"EntrySearch\" USING fts5(title, original, summary, people, organisations, chars_title, chars_body, tokenize = 'unicode61 remove_diacritics 2')";

    /// <summary>Title matches rank above organisation and people matches, which rank above summary matches.</summary>
    public const string Bm25 = "bm25(\"EntrySearch\", 10.0, 8.0, 1.0, 3.0, 3.0, 10.0, 1.0)";

    /// <summary>What a save will change in the index, read from the change tracker before saving.</summary>
    public sealed class PendingWork
    {
        internal List<Entry> Entries { get; } = [];
        internal HashSet<int> EntryIds { get; } = [];
        internal HashSet<int> OrganisationIds { get; } = [];
        internal HashSet<int> IssueIds { get; } = [];
        internal HashSet<int> Deleted { get; } = [];

        public bool IsEmpty => Entries.Count == 0 && EntryIds.Count == 0 && OrganisationIds.Count == 0 && IssueIds.Count == 0 && Deleted.Count == 0;
    }

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
        await WriteAsync(db, ids.Concat(work.Deleted).ToList(), ids.ToList(), ct);
    }

    /// <summary>Drops and rewrites every row: after the table is created on an existing catalogue, or by `reindex`.</summary>
    public static async Task<int> RebuildAsync(CatalogueDb db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"EntrySearch\"", ct);
        var ids = await db.Entries.Select(e => e.Id).ToListAsync(ct);
        await WriteAsync(db, [], ids, ct);
        await transaction.CommitAsync(ct);
        return ids.Count;
    }

    /// <summary>True when the index has a row for every visible entry (false after the table was added to a filled catalogue).</summary>
    public static async Task<bool> IsCompleteAsync(CatalogueDb db, CancellationToken ct)
    {
        var indexed = await db.Database.SqlQueryRaw<long>("SELECT COUNT(*) AS \"Value\" FROM \"EntrySearch\"").SingleAsync(ct);
        return indexed == await db.Entries.Published().LongCountAsync(ct);
    }

    /// <summary>The ids of the visible entries a match expression finds, as a query EF can compose (`e.Id IN (...)`).</summary>
    public static IQueryable<int> Matches(CatalogueDb db, string matchExpression) =>
        db.Database.SqlQueryRaw<int>("SELECT rowid AS \"Value\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {0}", matchExpression);

    /// <summary>How many visible entries a match expression finds: counted in the index alone.</summary>
    public static Task<int> CountAsync(CatalogueDb db, string matchExpression, CancellationToken ct) =>
        db.Database.SqlQueryRaw<int>("SELECT COUNT(*) AS \"Value\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {0}", matchExpression).SingleAsync(ct);

    /// <summary>Matches with their rank (lower is better), for sorting by relevance.</summary>
    public static IQueryable<SearchHit> Ranked(CatalogueDb db, string matchExpression) =>
        db.Database.SqlQueryRaw<SearchHit>($"SELECT rowid AS \"Id\", {Bm25} AS \"Rank\" FROM \"EntrySearch\" WHERE \"EntrySearch\" MATCH {{0}}", matchExpression);

    /// <summary>Indexes entries written without the change tracker (the bulk import path); visible ones only.</summary>
    internal static async Task IndexAsync(CatalogueDb db, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        await using var insert = InsertCommand(db);
        foreach (var document in documents)
        {
            await InsertAsync(insert, document, ct);
        }
    }

    private static DbCommand InsertCommand(CatalogueDb db) =>
        Command(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction(),
            "INSERT INTO \"EntrySearch\" (rowid, title, original, summary, people, organisations, chars_title, chars_body) VALUES ($id, $t, $o, $s, $p, $g, $ct, $cb)",
            "$id", "$t", "$o", "$s", "$p", "$g", "$ct", "$cb");

    private static async Task InsertAsync(DbCommand insert, SearchDocument document, CancellationToken ct)
    {
        var values = new object[]
        {
            document.Id,
            SearchAnalyzer.Words(document.Title),
            SearchAnalyzer.Words(document.Original),
            SearchAnalyzer.Words(document.Summary),
            SearchAnalyzer.Words(document.People),
            SearchAnalyzer.Words(document.Organisations),
            SearchAnalyzer.Characters(document.Title + " " + document.Original),
            SearchAnalyzer.Characters(document.Summary + " " + document.People + " " + document.Organisations),
        };
        for (var i = 0; i < values.Length; i++)
        {
            insert.Parameters[i].Value = values[i];
        }
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteAsync(CatalogueDb db, List<int> remove, List<int> add, CancellationToken ct)
    {
        if (remove.Count == 0 && add.Count == 0)
        {
            return;
        }
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        await using var delete = Command(connection, transaction, "DELETE FROM \"EntrySearch\" WHERE rowid = $id", "$id");
        foreach (var id in remove)
        {
            delete.Parameters[0].Value = id;
            await delete.ExecuteNonQueryAsync(ct);
        }
        await using var insert = InsertCommand(db);
        foreach (var chunk in add.Chunk(500))
        {
            foreach (var document in await LoadAsync(db, chunk, ct))
            {
                await InsertAsync(insert, document, ct);
            }
        }
    }

    private static async Task<List<SearchDocument>> LoadAsync(CatalogueDb db, int[] ids, CancellationToken ct)
    {
        var rows = await db.Entries.AsNoTracking().Published()
            .Where(e => ids.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Title, e.OriginalTitle, e.Summary, e.Authors, e.Speaker,
                Organisations = e.Organisations.OrderBy(o => o.Position).Select(o => new
                {
                    o.Organisation.Name, o.Organisation.ShortName, o.Organisation.Slug,
                    Aliases = o.Organisation.Aliases.Select(a => a.Name).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(ct);
        return rows.Select(r => SearchDocument.Of(r.Id, r.Title, r.OriginalTitle, r.Summary, r.Authors, r.Speaker,
            r.Organisations.SelectMany(o => new[] { o.Name, o.ShortName ?? "", o.Slug }.Concat(o.Aliases))))
            .ToList();
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }
        return command;
    }
}

/// <summary>The text of one entry as the index takes it: plain text, people and every name of its organisations.</summary>
internal sealed record SearchDocument(int Id, string Title, string Original, string Summary, string People, string Organisations)
{
    public static SearchDocument Of(int id, string title, string? original, string summaryMarkdown, string? authors, string? speaker, IEnumerable<string> organisationNames) =>
        new(id, title, original ?? "", MarkdownRenderer.ToPlainText(summaryMarkdown), $"{authors} {speaker}", string.Join(" ", organisationNames));
}
