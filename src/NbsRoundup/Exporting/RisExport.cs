using System.Globalization;
using System.Text;

namespace NbsRoundup.Exporting;

/// <summary>RIS records (Zotero, EndNote, Mendeley): one tag per line, "ER  - " closes a record.</summary>
public static class RisExport
{
    public const string ContentType = "application/x-research-info-systems; charset=utf-8";

    public static Task WriteAsync(TextWriter writer, IAsyncEnumerable<ExportRow> rows, CancellationToken ct) =>
        ExportRow.WriteEachAsync(writer, rows, Record, ct);

    public static string Record(ExportRow row)
    {
        var e = row.Entry;
        var sb = new StringBuilder();
        Tag(sb, "TY", e.SectionKey == "research" && e.Authors is not null ? "JOUR" : e.SectionKey == "standards" ? "RPRT" : "GEN");
        Tag(sb, "TI", e.Title);
        if (e.OriginalTitle is not null)
        {
            Tag(sb, "TT", e.OriginalTitle);
        }
        foreach (var creator in row.Creators)
        {
            Tag(sb, "AU", creator);
        }
        if (e.Date is { } date)
        {
            Tag(sb, "PY", date.Year.ToString(CultureInfo.InvariantCulture));
            Tag(sb, "DA", string.Create(CultureInfo.InvariantCulture, $"{date.Year:D4}/{(date.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(date.Day is { } d ? d.ToString("D2", CultureInfo.InvariantCulture) : "")}/{date.Text}"));
        }
        Tag(sb, "T2", e.IssueTitle);
        Tag(sb, "KW", e.SectionName);
        foreach (var organisation in e.Organisations)
        {
            Tag(sb, "KW", organisation.Name);
        }
        foreach (var keyword in row.Keywords)
        {
            Tag(sb, "KW", keyword);
        }
        Tag(sb, "UR", row.Link);
        Tag(sb, "N1", "NbS Round-up: " + row.Url);
        Tag(sb, "AB", row.SummaryText);
        Tag(sb, "LA", "zh");
        sb.Append("ER  - \r\n\r\n");
        return sb.ToString();
    }

    private static void Tag(StringBuilder sb, string tag, string value) =>
        sb.Append(tag).Append("  - ").Append(value.Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal)).Append("\r\n");
}
