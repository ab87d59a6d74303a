using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Importing;

/// <summary>A new issue goes through the bulk path, entries added to an existing issue through the change tracker: both must write the same catalogue.</summary>
public sealed class BulkPathTests : IDisposable
{
    private readonly TestDatabase _bulk = TestDatabase.Create();
    private readonly TestDatabase _tracked = TestDatabase.Create();

    public void Dispose()
    {
        _bulk.Dispose();
        _tracked.Dispose();
    }

    private static async Task ImportAsync(TestDatabase database, string text)
    {
        await using var db = database.Open();
        var plan = await new CatalogueImporter(db).ImportAsync(NewsletterParser.Parse(text, "vol3.md").Document!, dryRun: false);
        Assert.True(plan.Applied, string.Join("\n", plan.Diagnostics));
    }

    [Fact]
    public async Task The_bulk_path_and_the_tracked_path_write_the_same_entries_links_tags_search_rows_change_log_and_audit()
    {
        var full = ContentFiles.Text(ContentFiles.Vol3);
        await ImportAsync(_bulk, full);
        // The same issue, first with its first entry only (bulk), then whole: 69 entries added by the tracker.
        var firstEntryOnly = full[..full.IndexOf("\n### ", full.IndexOf("\n### ", StringComparison.Ordinal) + 1, StringComparison.Ordinal)];
        await ImportAsync(_tracked, firstEntryOnly);
        await ImportAsync(_tracked, full);

        var tracked = await DescribeAsync(_tracked);
        var bulk = await DescribeAsync(_bulk);
        Assert.True(tracked.SequenceEqual(bulk), string.Join("\n", tracked.Zip(bulk).Where(p => p.First != p.Second).Take(2).Select(p => $"tracked: {p.First}\nbulk:    {p.Second}")));
        // Both paths store the rendered summary: its HTML and its plain text.
        Assert.Contains(bulk, row => row.StartsWith("corporate-net-zero-standard|", StringComparison.Ordinal) && row.Contains("|<p>该标准指出", StringComparison.Ordinal) && row.Contains("|该标准指出", StringComparison.Ordinal));

        // Whatever path wrote them, the change log names the same pages and the audit log tells the same story:
        // every field's latest value, and every entry recorded as new (nothing before it).
        Assert.Equal(await ChangedAsync(_bulk), await ChangedAsync(_tracked));
        var (bulkAudit, bulkNew) = await AuditAsync(_bulk);
        var (trackedAudit, trackedNew) = await AuditAsync(_tracked);
        Assert.Equal(70, bulkNew.Count);
        Assert.Equal(bulkNew, trackedNew);
        Assert.True(bulkAudit.SequenceEqual(trackedAudit), string.Join("\n", bulkAudit.Except(trackedAudit).Concat(trackedAudit.Except(bulkAudit)).Take(4)));
    }

    private static async Task<List<string>> ChangedAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var records = await db.ChangeRecords.AsNoTracking().Select(c => c.Changed).ToListAsync();
        return records.SelectMany(r => r.Split(' ')).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Each (entity, field)'s latest value in the history, and the entries recorded as new.</summary>
    private static async Task<(List<string> Latest, List<string> NewEntries)> AuditAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var changes = await db.FieldChanges.AsNoTracking().OrderBy(f => f.ChangeSetId).ThenBy(f => f.Id)
            .Select(f => new { f.EntityKind, f.EntityKey, f.Field, f.Before, f.After }).ToListAsync();
        var latest = changes.GroupBy(f => (f.EntityKind, f.EntityKey, f.Field))
            .Select(g => $"{g.Key.EntityKind} {g.Key.EntityKey} {g.Key.Field} = {g.Last().After}")
            .Order(StringComparer.Ordinal).ToList();
        var added = changes.Where(f => f.EntityKind == "entry").GroupBy(f => f.EntityKey)
            .Where(g => g.First().Field == "title" && g.First().Before is null)
            .Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        return (latest, added);
    }

    private static async Task<List<string>> DescribeAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var rows = await db.Entries.AsNoTracking().OrderBy(e => e.Slug)
            .Select(e => new object?[] { e.Slug, e.Issue.Slug, e.SectionId, e.Position, e.Subheading, e.Title, e.OriginalTitle, e.Summary, e.SummaryHtml, e.SummaryText, e.RenderedWith, e.Link,
                e.Authors, e.Speaker, e.DateText, e.DateYear, e.DateMonth, e.DateDay, e.DateStart, e.DateEnd, e.IsPublished,
                string.Join(",", e.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation.Slug + "@" + o.Position)),
                string.Join(",", e.Tags.Where(t => t.Kind == TagKind.Topic).OrderBy(t => t.Key).Select(t => t.Key + (t.IsSuggested ? "?" : ""))),
                string.Join(",", e.Tags.Where(t => t.Kind == TagKind.Place).OrderBy(t => t.Key).Select(t => t.Key + (t.IsSuggested ? "?" : ""))),
                string.Join(",", db.PlaceScopes.Where(p => p.EntryId == e.Id).OrderBy(p => p.Code).Select(p => p.Code)) })
            .ToListAsync();
        var entries = rows.Select(r => string.Join("|", r)).ToList();
        // Not vacuous: the issue's tags, and the regions its places lie in, were written.
        Assert.Contains(entries, e => e.StartsWith("belize-marine-conservation-debt-conversion|", StringComparison.Ordinal)
            && e.EndsWith("|coasts,finance,oceans,protected-areas|BZ|003,013,019,419,BZ", StringComparison.Ordinal));
        // The search rows as each engine stores them: FTS5 columns, or PostgreSQL's two tsvectors as text.
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = TestDatabase.Provider == DatabaseProvider.Postgres
            ? "SELECT e.\"Slug\", s.\"Words\"::text, s.\"Characters\"::text FROM \"EntrySearch\" s JOIN \"Entries\" e ON e.\"Id\" = s.\"Id\" ORDER BY e.\"Slug\""
            : "SELECT e.Slug, s.title, s.original, s.summary, s.people, s.organisations, s.chars_title, s.chars_body FROM EntrySearch s JOIN Entries e ON e.Id = s.rowid ORDER BY e.Slug";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)));
        }
        Assert.Equal(140, entries.Count);
        return entries;
    }
}
