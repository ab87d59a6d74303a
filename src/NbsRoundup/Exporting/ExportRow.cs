using NbsRoundup.Rendering;
using NbsRoundup.Search;

namespace NbsRoundup.Exporting;

/// <summary>
/// An entry as every export format sees it: who made it (its authors as written, or else
/// its organisations), its date at its own precision, and its addresses.
/// </summary>
public sealed record ExportRow(EntryRow Entry, string Url)
{
    public static ExportRow From(EntryRow entry, Uri baseUrl) => new(entry, new Uri(baseUrl, "/entries/" + entry.Slug).ToString());

    /// <summary>True when the creators are organisations (corporate authors) rather than people.</summary>
    public bool ByOrganisations => Entry.Authors is null && Entry.Speaker is null;

    /// <summary>Authors as written, or the speaker of a quoted view, or the organisations' names.</summary>
    public IReadOnlyList<string> Creators =>
        Entry.Authors is { } authors ? [authors]
        : Entry.Speaker is { } speaker ? [speaker]
        : Entry.Organisations.Select(o => o.Name).ToList();

    public string SummaryText => MarkdownRenderer.ToPlainText(Entry.Summary);

    /// <summary>The source's own address when it has one, else the entry's page.</summary>
    public string Link => Entry.Link ?? Url;
}
