using CsvHelper;

namespace NbsRoundup.Exporting;

/// <summary>CSV of entries, UTF-8 with a BOM so that Excel shows Chinese correctly.</summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns =
    [
        "slug", "title", "original_title", "authors", "speaker", "organisations", "date", "date_precision", "date_text",
        "section", "section_name", "subheading", "issue", "issue_title", "link", "url", "summary",
        "topics", "places", "tags_suggested",
    ];

    private static readonly CsvWriterOptions _options = new()
    {
        // Excel opens a BOM-less UTF-8 file as the local code page and garbles Chinese.
        WriteByteOrderMark = true,
        // A title starting with "=" or "+" must not run as a formula in a spreadsheet.
        Injection = CsvInjection.Escape,
    };

    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(stream, _options, leaveOpen: true);
        await csv.WriteRecordAsync(Columns, ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            var e = row.Entry;
            var date = e.Date;
            await csv.WriteRecordAsync(
            [
                e.Slug, e.Title, e.OriginalTitle ?? "", e.Authors ?? "", e.Speaker ?? "", string.Join("; ", e.Organisations.Select(o => o.Name)),
                date?.Iso ?? "", date?.Precision.ToString().ToLowerInvariant() ?? "", date?.Text ?? "",
                e.SectionKey, e.SectionName, e.Subheading ?? "", e.IssueSlug, e.IssueTitle, e.Link ?? "", row.Url, row.SummaryText,
                string.Join("; ", e.Topics.Select(t => t.Topic.Key)), string.Join("; ", e.Places.Select(p => p.Code)), e.HasSuggestedTags ? "yes" : "no",
            ], ct);
        }
        await csv.FlushAsync(ct);
    }
}
