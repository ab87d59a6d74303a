using Microsoft.EntityFrameworkCore;
using NbsRoundup.Caching;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Search;

namespace NbsRoundup.Importing;

/// <summary>
/// The bulk path of an import: a new issue, built as entities (the same domain code as every other
/// path) but written with multi-row INSERTs instead of the change tracker, together with its search
/// rows and its change-log record, in the caller's transaction. Imports of many files are dominated
/// by new issues, and the tracker's per-entity cost made them several times slower.
/// </summary>
internal static class BulkIssueWriter
{
    public static async Task WriteAsync(CatalogueDb db, Issue issue, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await BulkInsert.InsertAsync(db, [issue], (p, _) => p.Name == nameof(Issue.UpdatedAt) ? now : BulkInsert.Own, ct);
        var issueId = await db.Issues.Where(i => i.Slug == issue.Slug).Select(i => i.Id).SingleAsync(ct);

        await BulkInsert.InsertAsync(db, issue.SectionIntros,
            (p, _) => p.Name == nameof(IssueSectionIntro.IssueId) ? issueId : BulkInsert.Own, ct);
        await BulkInsert.InsertAsync(db, issue.Entries, (p, _) => p.Name switch
        {
            nameof(Entry.IssueId) => issueId,
            nameof(Entry.UpdatedAt) => now,
            _ => BulkInsert.Own,
        }, ct);
        var ids = await db.Entries.Where(e => e.IssueId == issueId).Select(e => new { e.Id, e.Slug }).ToDictionaryAsync(e => e.Slug, e => e.Id, ct);

        var links = issue.Entries.SelectMany(e => e.Organisations.Select(link => (Entry: e, Link: link))).ToList();
        await BulkInsert.InsertAsync(db, links.Select(l => l.Link).ToList(), (p, link) => p.Name switch
        {
            nameof(EntryOrganisation.EntryId) => ids[links.First(l => ReferenceEquals(l.Link, link)).Entry.Slug],
            nameof(EntryOrganisation.OrganisationId) => link.Organisation.Id,
            _ => BulkInsert.Own,
        }, ct);

        var visible = issue.IsPublished ? issue.Entries.Where(e => e.IsPublished).ToList() : [];
        await SearchIndex.IndexAsync(db, visible.Select(e => SearchDocument.Of(ids[e.Slug], e.Title, e.OriginalTitle, e.Summary, e.Authors, e.Speaker,
            e.Organisations.SelectMany(o => new[] { o.Organisation.Name, o.Organisation.ShortName ?? "", o.Organisation.Slug }.Concat(o.Organisation.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal)))))
            .ToList(), ct);

        var change = new CatalogueChange(
            issue.Entries.Select(e => e.Slug).ToHashSet(),
            new HashSet<string> { issue.Slug },
            Section.All.Where(s => issue.Entries.Any(e => e.SectionId == s.Id)).Select(s => s.Key).ToHashSet(),
            issue.Entries.SelectMany(e => e.Organisations.Select(o => o.Organisation.Slug)).ToHashSet());
        await ChangeLog.AppendAsync(db, change, now, ct);
    }
}
