using System.Globalization;
using System.Text.Json;

namespace NbsRoundup.Lookup;

/// <summary>
/// Reads a DOI's CSL-JSON record, as doi.org's content negotiation returns it from Crossref, DataCite or
/// mEDRA: title, authors (family/given or literal), publisher, container title, issued date at the precision
/// of its date-parts, URL, language.
/// </summary>
public static class CslJsonReader
{
    /// <summary>Reads a record; null when the text is not a CSL-JSON item.</summary>
    /// <param name="json">The record as the resolver sent it.</param>
    /// <param name="doi">The DOI asked for; the link becomes its https://doi.org/ address, which outlives publishers' sites.</param>
    public static LookupResult? Read(string json, string doi)
    {
        JsonElement item;
        try
        {
            using var document = JsonDocument.Parse(json);
            item = document.RootElement.ValueKind == JsonValueKind.Array
                ? document.RootElement.EnumerateArray().FirstOrDefault().Clone()
                : document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (item.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        const MetadataSource source = MetadataSource.Doi;
        var found = new Found();
        found.Add(LookupField.Title, Plain(Text(item, "title")), source);
        found.Add(LookupField.Title, Plain(Text(item, "original-title")), source);
        found.Add(LookupField.Organisations, Text(item, "publisher"), source);
        found.Add(LookupField.Organisations, Text(item, "container-title"), source);
        if (item.TryGetProperty("author", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            foreach (var author in authors.EnumerateArray())
            {
                if (Text(author, "literal") is { } literal)
                {
                    found.AddCreator(literal, source);
                }
                else if (PersonName(Text(author, "given"), Text(author, "family")) is { } name)
                {
                    found.Add(LookupField.Authors, name, source);
                }
            }
        }
        found.Add(LookupField.Date, IssuedDate(item), source);
        found.Add(LookupField.Language, Text(item, "language"), source);
        found.Add(LookupField.Doi, Text(item, "DOI") ?? doi, source);
        found.Add(LookupField.Link, "https://doi.org/" + doi, source);
        return found.Build(null, Plain(Text(item, "abstract")) ?? "");
    }

    /// <summary>Crossref titles and abstracts carry JATS or HTML markup ("&lt;i&gt;Rhizophora&lt;/i&gt;"): its text only.</summary>
    private static string? Plain(string? text) =>
        text is null || !text.Contains('<', StringComparison.Ordinal) ? text
            : new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<body>" + text).Body?.TextContent;

    /// <summary>"Nathalie Pettorelli"; Chinese names family first without a space: "曾楠".</summary>
    private static string? PersonName(string? given, string? family)
    {
        if (family is null)
        {
            return given;
        }
        if (given is null)
        {
            return family;
        }
        return family.Any(TextScript.IsHan) && given.Any(TextScript.IsHan) ? family + given : $"{given} {family}";
    }

    /// <summary>"2021", "2021-10" or "2021-10-12" from <c>issued.date-parts</c> (numbers or strings), else <c>issued.raw</c>.</summary>
    private static string? IssuedDate(JsonElement item)
    {
        foreach (var property in new[] { "issued", "published-print", "published-online", "published", "created" })
        {
            if (!item.TryGetProperty(property, out var issued) || issued.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            if (issued.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array
                && parts.EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Array } first)
            {
                var numbers = first.EnumerateArray()
                    .Select(p => p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var n) ? n
                        : p.ValueKind == JsonValueKind.String && int.TryParse(p.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s
                        : (int?)null)
                    .TakeWhile(n => n is not null)
                    .Select(n => n!.Value.ToString(n.Value < 100 ? "D2" : "D4", CultureInfo.InvariantCulture))
                    .ToList();
                if (numbers.Count > 0)
                {
                    return string.Join('-', numbers.Take(3));
                }
            }
            if (Text(issued, "raw") is { } raw)
            {
                return raw;
            }
        }
        return null;
    }

    private static string? Text(JsonElement node, string property)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Array)
        {
            value = value.EnumerateArray().FirstOrDefault();
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
