using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace NbsRoundup.Exporting;

/// <summary>CSL-JSON, the citation format of Zotero and citeproc: an array of items.</summary>
public static class CslJsonExport
{
    public const string ContentType = "application/vnd.citationstyles.csl+json; charset=utf-8";

    private static readonly JsonWriterOptions _options = new()
    {
        Indented = true,
        // Chinese stays readable in the file.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static async Task WriteAsync(Stream stream, IAsyncEnumerable<ExportRow> rows, CancellationToken ct)
    {
        await using var json = new Utf8JsonWriter(stream, _options);
        json.WriteStartArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            Write(json, row);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(ct);
    }

    private static void Write(Utf8JsonWriter json, ExportRow row)
    {
        var e = row.Entry;
        json.WriteStartObject();
        json.WriteString("id", e.Slug);
        var type = Type(e.SectionKey, e.Speaker is not null);
        json.WriteString("type", type);
        json.WriteString("title", e.Title);
        if (e.OriginalTitle is not null)
        {
            json.WriteString("original-title", e.OriginalTitle);
        }
        json.WriteStartArray(CreatorVariable(type, row));
        foreach (var creator in row.Creators)
        {
            json.WriteStartObject();
            json.WriteString("literal", creator);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (e.Date is { } date)
        {
            json.WriteStartObject("issued");
            json.WriteStartArray("date-parts");
            json.WriteStartArray();
            json.WriteNumberValue(date.Year);
            if (date.Month is { } month)
            {
                json.WriteNumberValue(month);
            }
            if (date.Day is { } day)
            {
                json.WriteNumberValue(day);
            }
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteString("raw", date.Text);
            json.WriteEndObject();
        }
        json.WriteString("container-title", e.IssueTitle);
        json.WriteString("genre", e.SectionName);
        if (row.Keywords.Count > 0)
        {
            // CSL's keyword is one string; Zotero splits it at commas into tags.
            json.WriteString("keyword", string.Join(", ", row.Keywords));
        }
        if (e.Organisations.Count > 0)
        {
            json.WriteString("publisher", string.Join("; ", e.Organisations.Select(o => o.Name)));
        }
        json.WriteString("URL", row.Link);
        json.WriteString("note", "NbS Round-up: " + row.Url);
        json.WriteString("abstract", row.SummaryText);
        json.WriteString("language", "zh-CN");
        json.WriteEndObject();
    }

    /// <summary>
    /// The CSL name variable that holds the creators. Authors are authors. The speaker of a quoted
    /// view is the author of a "speech" (CSL's author of a speech is whoever spoke; Zotero reads
    /// it as the presenter). Organisations are institutional authors of what they publish, but
    /// the organisations of an event organised it rather than wrote it: CSL's "organizer".
    /// </summary>
    private static string CreatorVariable(string type, ExportRow row) =>
        type == "event" && row.ByOrganisations ? "organizer" : "author";

    private static string Type(string section, bool quote) => quote ? "speech" : section switch
    {
        "standards" => "report",
        "research" => "report",
        "events" => "event",
        "policy" => "legislation",
        _ => "document",
    };
}
