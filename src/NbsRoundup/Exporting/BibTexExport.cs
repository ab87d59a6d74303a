using System.Globalization;
using System.Text;

namespace NbsRoundup.Exporting;

/// <summary>
/// BibTeX (biblatex-friendly) entries. No maintained .NET BibTeX writer exists, and the
/// format needs little: escaped field values, "et al." as "and others", organisations
/// as corporate authors in double braces.
/// </summary>
public static class BibTexExport
{
    public const string ContentType = "application/x-bibtex; charset=utf-8";

    private static readonly string[] _months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static Task WriteAsync(TextWriter writer, IAsyncEnumerable<ExportRow> rows, CancellationToken ct) =>
        ExportRow.WriteEachAsync(writer, rows, Entry, ct);

    public static string Entry(ExportRow row)
    {
        var e = row.Entry;
        var sb = new StringBuilder();
        sb.Append("@misc{").Append(e.Slug).Append(",\n");
        Field(sb, "title", Escape(e.Title));
        if (e.OriginalTitle is not null)
        {
            Field(sb, "origtitle", Escape(e.OriginalTitle));
        }
        Field(sb, "author", Authors(row));
        if (e.Date is { } date)
        {
            Field(sb, "year", date.Year.ToString(CultureInfo.InvariantCulture));
            if (date.Month is { } month)
            {
                sb.Append("  month = ").Append(_months[month - 1]).Append(",\n");
            }
            Field(sb, "date", date.Iso);
        }
        Field(sb, "howpublished", Escape(e.IssueTitle));
        Field(sb, "url", row.Link);
        Field(sb, "note", Escape(e.OriginalTitle is null ? $"NbS Round-up {e.IssueSlug}, {e.SectionName}" : $"Original title: {e.OriginalTitle}. NbS Round-up {e.IssueSlug}, {e.SectionName}"));
        Field(sb, "keywords", Escape(string.Join(", ", [e.SectionKey, .. row.Keywords])));
        Field(sb, "langid", "chinese");
        sb.Append("}\n\n");
        return sb.ToString();
    }

    private static string Authors(ExportRow row)
    {
        if (row.ByOrganisations)
        {
            // Double braces keep a corporate name whole instead of "Last, First".
            return string.Join(" and ", row.Creators.Select(c => "{" + Escape(c) + "}"));
        }
        var written = row.Creators[0].Trim();
        var others = false;
        foreach (var suffix in new[] { " et al.", " et al", "等", " 等" })
        {
            if (written.EndsWith(suffix, StringComparison.Ordinal))
            {
                written = written[..^suffix.Length].TrimEnd(',', ' ');
                others = true;
                break;
            }
        }
        var name = written.Any(NbsRoundup.Catalogue.Names.IsCjk) ? "{" + Escape(written) + "}" : Escape(written);
        return others ? name + " and others" : name;
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append("  ").Append(name).Append(" = {").Append(value).Append("},\n");

    /// <summary>Escapes the characters TeX treats specially.</summary>
    public static string Escape(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '\\' => "\\textbackslash{}",
                '{' => "\\{",
                '}' => "\\}",
                '%' or '&' or '$' or '#' or '_' => "\\" + c,
                '^' => "\\^{}",
                '~' => "\\~{}",
                '\n' or '\r' => " ",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
