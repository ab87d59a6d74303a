using NbsRoundup.Search;

namespace NbsRoundup.Exporting;

/// <summary>
/// An entry as every export format sees it: who made it (its authors as written, or else
/// its organisations), its date at its own precision, and its addresses (Url: its page on the portal, given by the web, which knows the address).
/// </summary>
public sealed record ExportRow(EntryRow Entry, string Url)
{
    /// <summary>True when the creators are organisations (corporate authors) rather than people.</summary>
    public bool ByOrganisations => Entry.Authors is null && Entry.Speaker is null;

    /// <summary>Authors as written, or the speaker of a quoted view, or the organisations' names.</summary>
    public IReadOnlyList<string> Creators =>
        Entry.Authors is { } authors ? [authors]
        : Entry.Speaker is { } speaker ? [speaker]
        : Entry.Organisations.Select(o => o.Name).ToList();

    /// <summary>The summary's plain text, as stored when it was saved.</summary>
    public string SummaryText => Entry.SummaryText;

    /// <summary>Topics and places by their English names, for the keywords of reference managers ("Wetlands", "Belize").</summary>
    public IReadOnlyList<string> Keywords => [.. Entry.Topics.Select(t => t.Topic.English), .. Entry.Places.Select(p => p.Place.English)];

    /// <summary>The source's own address when it has one, else the entry's page.</summary>
    public string Link => Entry.Link ?? Url;

    /// <summary>Writes each row as a text format formats one record (BibTeX, RIS), streaming.</summary>
    public static async Task WriteEachAsync(TextWriter writer, IAsyncEnumerable<ExportRow> rows, Func<ExportRow, string> format, CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteAsync(format(row));
        }
    }
}
