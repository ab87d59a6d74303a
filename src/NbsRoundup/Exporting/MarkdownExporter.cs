using System.Text;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Catalogue;
using NbsRoundup.Data;
using NbsRoundup.Discovery;
using NbsRoundup.Importing;

namespace NbsRoundup.Exporting;

/// <summary>
/// Writes an issue back as a newsletter file in the format of content/README.md, drafts
/// included (marked `draft`), so that importing the file into an empty catalogue gives the
/// same issue, entries and organisations. The output depends only on the catalogue:
/// exporting twice gives the same bytes.
/// </summary>
public static class MarkdownExporter
{
    /// <summary>The issue as a newsletter file, or null when there is no issue with this slug.</summary>
    public static async Task<string?> ExportAsync(CatalogueDb db, string slug, CancellationToken ct = default)
    {
        var issue = await db.Issues.AsNoTracking()
            .Include(i => i.SectionIntros)
            .Include(i => i.Entries).ThenInclude(e => e.Organisations).ThenInclude(eo => eo.Organisation).ThenInclude(o => o.Aliases)
            .Include(i => i.Entries).ThenInclude(e => e.Tags)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Slug == slug, ct);
        return issue is null ? null : Write(issue);
    }

    public static string Write(Issue issue)
    {
        var entries = Section.All
            .SelectMany(s => issue.Entries.Where(e => e.SectionId == s.Id).OrderBy(e => e.Position).ThenBy(e => e.Id))
            .ToList();
        var organisations = entries.SelectMany(e => e.Organisations.OrderBy(o => o.Position).Select(o => o.Organisation))
            .DistinctBy(o => o.Slug)
            .ToList();

        var sb = new StringBuilder();
        sb.Append("---\n").Append(FrontMatter.Of(issue, organisations).ToYaml()).Append("---\n");
        Block(sb, issue.Introduction);
        foreach (var section in Section.All)
        {
            var intro = issue.SectionIntros.FirstOrDefault(i => i.SectionId == section.Id)?.Markdown ?? "";
            var inSection = entries.Where(e => e.SectionId == section.Id).ToList();
            if (inSection.Count == 0 && intro.Length == 0)
            {
                continue;
            }
            sb.Append('\n').Append("# ").Append(section.NameZh).Append('\n');
            Block(sb, intro);
            string? subheading = null;
            foreach (var entry in inSection)
            {
                if (entry.Subheading is not null && entry.Subheading != subheading)
                {
                    sb.Append("\n## ").Append(Inline(entry.Subheading)).Append('\n');
                }
                subheading = entry.Subheading ?? subheading;
                WriteEntry(sb, entry, issue);
            }
        }
        return sb.ToString();
    }

    private static void WriteEntry(StringBuilder sb, Entry entry, Issue issue)
    {
        sb.Append("\n### ").Append(Inline(entry.Title)).Append('\n');
        Meta(sb, "slug", entry.Slug);
        Meta(sb, "original", entry.OriginalTitle);
        // By canonical name, which the front matter defines; by slug when the name holds a list separator.
        Meta(sb, "organisations", string.Join("; ", entry.Organisations.OrderBy(o => o.Position)
            .Select(o => o.Organisation.Name.IndexOfAny([';', '；']) >= 0 ? o.Organisation.Slug : o.Organisation.Name)));
        Meta(sb, "authors", entry.Authors);
        Meta(sb, "speaker", entry.Speaker);
        Meta(sb, "date", DateText(entry.Date, issue));
        Meta(sb, "link", entry.Content.WrittenLink);
        // Curated tags only: suggested ones are the portal's guess, made again when the file is imported.
        Meta(sb, "topics", string.Join("; ", Topics.Ordered(entry.Topics.Where(t => !t.IsSuggested).Select(t => t.Key))));
        Meta(sb, "places", string.Join("; ", Places.Ordered(entry.Places.Where(p => !p.IsSuggested).Select(p => p.Key))));
        Meta(sb, "draft", entry.IsPublished ? null : "yes");
        Block(sb, entry.Summary);
    }

    /// <summary>
    /// The date as the source wrote it, unless that text now reads differently (the issue's
    /// year or month was corrected since): then the date in full, which reads the same anywhere.
    /// </summary>
    private static string? DateText(PartialDate? date, Issue issue)
    {
        if (date is null)
        {
            return null;
        }
        var again = PartialDateParser.Read(date.Text, issue.Year, issue.Month).Date;
        return again is not null && (again.Year, again.Month, again.Day) == (date.Year, date.Month, date.Day) ? date.Text : date.ToChinese();
    }

    private static void Meta(StringBuilder sb, string key, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            sb.Append(key).Append(": ").Append(value.Trim()).Append('\n');
        }
    }

    private static void Block(StringBuilder sb, string markdown)
    {
        if (!string.IsNullOrWhiteSpace(markdown))
        {
            sb.Append('\n').Append(markdown.Trim()).Append('\n');
        }
    }

    /// <summary>
    /// Heading text escaped so that it reads back as written: the parser keeps a heading's plain
    /// text, so emphasis, code, links, entities and a closing '#' must not be taken as Markdown.
    /// </summary>
    internal static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '&')
            {
                sb.Append('\\');
            }
            sb.Append(c);
        }
        var escaped = sb.ToString();
        return escaped.EndsWith('#') ? escaped[..^1] + "\\#" : escaped;
    }
}
