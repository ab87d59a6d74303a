using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using NbsRoundup.Catalogue;
using NbsRoundup.Rendering;

namespace NbsRoundup.Data;

/// <summary>
/// Renders the Markdown a save adds or changes (entries' summaries, issues' introductions and
/// their introductions to sections) and stores the HTML and the plain text next to it, so that
/// no reader's request renders anything: pages, feeds and the API serve the stored HTML, and
/// search rows, exports and meta tags the stored text. Forms, imports and the bulk path for new
/// issues all come through here (CatalogueDb.SaveChangesAsync).
/// </summary>
public static class RenderedTexts
{
    private const int Batch = 500;

    internal static void Render(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<Entry>())
        {
            if (Changed(entry, nameof(Entry.Summary)))
            {
                Store(entry, entry.Entity.Summary, nameof(Entry.SummaryHtml), nameof(Entry.SummaryText));
            }
        }
        foreach (var issue in tracker.Entries<Issue>())
        {
            if (Changed(issue, nameof(Issue.Introduction)))
            {
                Store(issue, issue.Entity.Introduction, nameof(Issue.IntroductionHtml), nameof(Issue.IntroductionText));
            }
        }
        foreach (var intro in tracker.Entries<IssueSectionIntro>())
        {
            if (Changed(intro, nameof(IssueSectionIntro.Markdown)))
            {
                Store(intro, intro.Entity.Markdown, nameof(IssueSectionIntro.Html), nameof(IssueSectionIntro.Text));
            }
        }
    }

    private static bool Changed(EntityEntry entry, string markdown) =>
        entry.State == EntityState.Added || (entry.State == EntityState.Modified && entry.Property(markdown).IsModified);

    private static void Store(EntityEntry entry, string markdown, string html, string text)
    {
        var rendered = MarkdownRenderer.RenderOrKeepAsText(markdown);
        // Through the tracker, not the entity: changes are not detected again after this.
        entry.Property(html).CurrentValue = rendered.Html;
        entry.Property(text).CurrentValue = rendered.Text;
        entry.Property(nameof(Entry.RenderedWith)).CurrentValue = MarkdownRenderer.Version;
    }

    /// <summary>
    /// Renders every stored text that was saved before its HTML was stored, or by older rendering
    /// rules (<see cref="MarkdownRenderer.Version"/>): run at start-up and by `migrate`, before any
    /// request. A migration cannot do it: the HTML comes from Markdig and HtmlSanitizer, which SQL
    /// cannot run, and rules that change later need the same catch-up. Rows are written by UPDATE
    /// statements, a batch per transaction with a change-log record naming what it re-rendered, so
    /// that versions, timestamps and the audit log are left alone and cached pages are evicted.
    /// </summary>
    public static async Task<int> BackfillAsync(CatalogueDb db, CancellationToken ct) =>
        await CatchUpAsync<Entry>(db, e => new Pending(e.Id, e.Summary, e.Slug), nameof(Entry.SummaryHtml), nameof(Entry.SummaryText),
            slugs => new CatalogueChange(slugs, new HashSet<string>(), new HashSet<string>(), new HashSet<string>()), ct)
        + await CatchUpAsync<Issue>(db, i => new Pending(i.Id, i.Introduction, i.Slug), nameof(Issue.IntroductionHtml), nameof(Issue.IntroductionText),
            IssuesChanged, ct)
        + await CatchUpAsync<IssueSectionIntro>(db, s => new Pending(s.Id, s.Markdown, db.Issues.Where(i => i.Id == s.IssueId).Select(i => i.Slug).First()),
            nameof(IssueSectionIntro.Html), nameof(IssueSectionIntro.Text), IssuesChanged, ct);

    /// <summary>A stored text to render: its row, its Markdown and the slug the change log names it by.</summary>
    private sealed record Pending(int Id, string Markdown, string Key);

    private static async Task<int> CatchUpAsync<T>(CatalogueDb db, Expression<Func<T, Pending>> pending, string html, string text,
        Func<HashSet<string>, CatalogueChange> change, CancellationToken ct)
        where T : class
    {
        var count = 0;
        while (await db.Set<T>().AsNoTracking()
            .Where(x => EF.Property<int?>(x, nameof(Entry.RenderedWith)) != MarkdownRenderer.Version)
            .OrderBy(x => EF.Property<int>(x, nameof(Entry.Id)))
            .Select(pending).Take(Batch).ToListAsync(ct) is { Count: > 0 } rows)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var row in rows)
            {
                var rendered = MarkdownRenderer.RenderOrKeepAsText(row.Markdown);
                await db.Set<T>().Where(x => EF.Property<int>(x, nameof(Entry.Id)) == row.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(x => EF.Property<string>(x, html), rendered.Html)
                    .SetProperty(x => EF.Property<string>(x, text), rendered.Text)
                    .SetProperty(x => EF.Property<int?>(x, nameof(Entry.RenderedWith)), MarkdownRenderer.Version), ct);
            }
            await ChangeLog.AppendAsync(db, change(rows.Select(r => r.Key).ToHashSet()), DateTime.UtcNow, ct);
            await transaction.CommitAsync(ct);
            count += rows.Count;
        }
        return count;
    }

    private static CatalogueChange IssuesChanged(HashSet<string> slugs) =>
        new(new HashSet<string>(), slugs, new HashSet<string>(), new HashSet<string>());
}
