using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Tests.Data;

/// <summary>
/// The catalogue as text, by slugs rather than ids and without versions or the audit log:
/// two catalogues with equal texts hold the same issues, entries and organisations.
/// </summary>
internal static class CatalogueText
{
    public static async Task<string> OfAsync(CatalogueDb db, bool withTags = true)
    {
        var sb = new StringBuilder();
        foreach (var i in await db.Issues.AsNoTracking().Include(i => i.SectionIntros).OrderBy(i => i.Slug).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"issue {i.Slug}|{i.Title}|{i.TitleEn}|{i.Publisher}|{i.Year}|{i.Month}|{i.Volume}|{i.Number}|{i.IsPublished}|{i.Introduction}");
            foreach (var s in i.SectionIntros.OrderBy(s => s.SectionId))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  intro {s.SectionId}|{s.Markdown}");
            }
        }
        var entries = await db.Entries.AsNoTracking()
            .Include(e => e.Issue).Include(e => e.Organisations).ThenInclude(o => o.Organisation)
            .OrderBy(e => e.Slug).ToListAsync();
        var tags = withTags
            ? (await db.EntryTags.AsNoTracking().ToListAsync())
                .ToLookup(t => t.EntryId, t => $"{t.Kind} {t.Key}" + (t.IsSuggested ? " (suggested)" : ""))
            : null;
        foreach (var e in entries)
        {
            var organisations = string.Join(",", e.Organisations.OrderBy(o => o.Position).Select(o => $"{o.Position}:{o.Organisation.Slug}"));
            var tagList = tags is null ? "" : "|" + string.Join(",", tags[e.Id].Order(StringComparer.Ordinal));
            sb.AppendLine(CultureInfo.InvariantCulture, $"entry {e.Slug}|{e.Issue.Slug}|{e.SectionId}|{e.Position}|{e.Subheading}|{e.Title}|{e.OriginalTitle}|{e.Authors}|{e.Speaker}"
                + $"|{e.DateText}|{e.DateYear}|{e.DateMonth}|{e.DateDay}|{e.DateStart}|{e.DateEnd}|{e.Link}|{e.IsPublished}|{organisations}|{e.Summary}{tagList}");
        }
        foreach (var o in await db.Organisations.AsNoTracking().Include(o => o.Aliases).OrderBy(o => o.Slug).ToListAsync())
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"organisation {o.Slug}|{o.Name}|{o.ShortName}|{o.NormalizedName}|{o.NormalizedShortName}|{string.Join(",", o.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal))}");
        }
        return sb.ToString();
    }
}
