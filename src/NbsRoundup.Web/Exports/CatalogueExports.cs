using System.Text;
using NbsRoundup.Exporting;
using NbsRoundup.Search;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Exports;

/// <summary>
/// The current result set, all of it, as CSV, BibTeX, RIS or CSL-JSON:
/// `/entries/export.csv?q=湿地&amp;organisation=TNC`.
/// </summary>
public static class CatalogueExports
{
    public static IEndpointRouteBuilder MapCatalogueExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/entries/export.{format}", ExportAsync).ExcludeFromDescription();
        return endpoints;
    }

    private static async Task<IResult> ExportAsync(string format, HttpContext context, CatalogueDb db, CancellationToken ct)
    {
        if (format is not ("csv" or "bib" or "ris" or "json"))
        {
            return Results.NotFound();
        }
        var (query, errors) = QueryProblems.Read(context.Request);
        var (rows, searchErrors) = errors.Count > 0 ? (null, errors) : await new CatalogueSearch(db).StreamAsync(query, ct: ct);
        if (rows is null)
        {
            return QueryProblems.Problem(searchErrors);
        }
        var baseUrl = QueryProblems.BaseUrl(context.Request);
        var export = Rows(rows, baseUrl, ct);
        var name = "nbs-roundup-" + DateTime.UtcNow.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return format switch
        {
            "csv" => Results.Stream(stream => CsvExport.WriteAsync(stream, export, ct), CsvExport.ContentType, name + ".csv"),
            "bib" => Results.Stream(stream => WriteTextAsync(stream, writer => BibTexExport.WriteAsync(writer, export, ct)), BibTexExport.ContentType, name + ".bib"),
            "ris" => Results.Stream(stream => WriteTextAsync(stream, writer => RisExport.WriteAsync(writer, export, ct)), RisExport.ContentType, name + ".ris"),
            _ => Results.Stream(stream => CslJsonExport.WriteAsync(stream, export, ct), CslJsonExport.ContentType, name + ".json"),
        };
    }

    private static async IAsyncEnumerable<ExportRow> Rows(IAsyncEnumerable<EntryRow> rows, Uri baseUrl, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return new ExportRow(row, Paths.Absolute(baseUrl, Paths.Entry(row.Slug)));
        }
    }

    private static async Task WriteTextAsync(Stream stream, Func<TextWriter, Task> write)
    {
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        await write(writer);
        await writer.FlushAsync();
    }
}
