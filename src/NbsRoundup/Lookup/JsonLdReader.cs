using System.Text.Json;

namespace NbsRoundup.Lookup;

/// <summary>
/// Reads schema.org JSON-LD: the page's main item (an article or report before a generic creative work,
/// before a web page), found at the top, in an array, in <c>@graph</c> or as a web page's <c>mainEntity</c>;
/// <c>@id</c> references resolved within the page. Blocks that are not valid JSON are skipped.
/// </summary>
internal static class JsonLdReader
{
    private static readonly JsonDocumentOptions _json = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    private static readonly string[] _articleTypes =
    [
        "scholarlyarticle", "report", "newsarticle", "article", "techarticle", "blogposting", "analysisnewsarticle",
        "reportagenewsarticle", "book", "chapter", "thesis", "dataset", "legislation", "governmentpermit",
    ];

    private static readonly string[] _workTypes = ["creativework", "digitaldocument", "mediaobject", "publicationissue", "periodical"];

    private static readonly string[] _pageTypes = ["webpage", "itempage", "aboutpage", "collectionpage", "medicalwebpage"];

    private static readonly string[] _organisationTypes =
    [
        "organization", "governmentorganization", "ngo", "researchorganization", "educationalorganization",
        "corporation", "newsmediaorganization", "library", "collegeoruniversity", "researchproject", "project",
    ];

    public static void Read(IEnumerable<string> blocks, Found found)
    {
        var nodes = new List<JsonElement>();
        foreach (var block in blocks)
        {
            try
            {
                using var document = JsonDocument.Parse(block, _json);
                Collect(document.RootElement.Clone(), nodes);
            }
            catch (JsonException)
            {
                // Hand-written JSON-LD is often broken; the page's other sources still count.
            }
        }
        var byId = nodes.Where(n => Text(n, "@id") is not null)
            .GroupBy(n => Text(n, "@id")!)
            .ToDictionary(g => g.Key, g => g.First());
        var main = nodes
            .Select((node, index) => (node, index, rank: Rank(node)))
            .Where(n => n.rank < 3)
            .OrderBy(n => n.rank).ThenBy(n => n.index)
            .Select(n => (JsonElement?)n.node)
            .FirstOrDefault();
        if (main is not { } item)
        {
            return;
        }

        const MetadataSource source = MetadataSource.JsonLd;
        found.Add(LookupField.Title, Text(item, "headline") ?? Text(item, "name"), source);
        found.Add(LookupField.Title, Text(item, "alternativeHeadline") ?? Text(item, "alternateName"), source);
        var publishers = Items(item, "publisher", byId).Concat(Items(item, "sourceOrganization", byId)).ToList();
        if (publishers.Count == 0)
        {
            // A web page's publisher is often only on the web site it is part of (Yoast's graph).
            publishers = Items(item, "isPartOf", byId).SelectMany(site => Items(site, "publisher", byId)).ToList();
        }
        foreach (var publisher in publishers)
        {
            AddParty(publisher, found, asPublisher: true);
        }
        foreach (var author in Items(item, "author", byId).Concat(Items(item, "creator", byId)))
        {
            AddParty(author, found, asPublisher: false);
        }
        found.Add(LookupField.Date, Text(item, "datePublished") ?? Text(item, "dateCreated"), source);
        foreach (var language in Items(item, "inLanguage", byId).Take(1))
        {
            found.Add(LookupField.Language, language.ValueKind == JsonValueKind.String ? language.GetString()
                : Text(language, "alternateName") ?? Text(language, "name"), source);
        }
        found.Add(LookupField.Doi, Items(item, "identifier", byId).Concat(Items(item, "sameAs", byId))
            .Select(i => i.ValueKind == JsonValueKind.String ? i.GetString() : Text(i, "value"))
            .FirstOrDefault(v => v is not null && Doi.Find(v) is not null), source);
    }

    private static void AddParty(JsonElement party, Found found, bool asPublisher)
    {
        const MetadataSource source = MetadataSource.JsonLd;
        if (party.ValueKind == JsonValueKind.String)
        {
            if (asPublisher)
            {
                found.Add(LookupField.Organisations, party.GetString(), source);
            }
            else
            {
                found.AddCreator(party.GetString(), source);
            }
            return;
        }
        if (party.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var name = Text(party, "name")
            ?? string.Join(' ', new[] { Text(party, "givenName"), Text(party, "familyName") }.Where(n => n is not null));
        var types = Types(party);
        if (asPublisher || types.Any(_organisationTypes.Contains))
        {
            found.Add(LookupField.Organisations, name, source);
        }
        else if (types.Contains("person"))
        {
            found.Add(LookupField.Authors, name, source);
        }
        else
        {
            found.AddCreator(name, source);
        }
    }

    private static void Collect(JsonElement element, List<JsonElement> nodes)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, nodes);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        nodes.Add(element);
        foreach (var nested in new[] { "@graph", "mainEntity", "mainEntityOfPage" })
        {
            if (element.TryGetProperty(nested, out var value) && value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
            {
                Collect(value, nodes);
            }
        }
    }

    private static int Rank(JsonElement node)
    {
        var types = Types(node);
        return types.Any(_articleTypes.Contains) ? 0
            : types.Any(_workTypes.Contains) ? 1
            : types.Any(_pageTypes.Contains) ? 2
            : 3;
    }

    private static List<string> Types(JsonElement node)
    {
        if (!node.TryGetProperty("@type", out var type))
        {
            return [];
        }
        var values = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().ToList() : [type];
        return values.Where(v => v.ValueKind == JsonValueKind.String)
            .Select(v => v.GetString()!.ToLowerInvariant().Replace("schema:", "", StringComparison.Ordinal)
                .Replace("http://schema.org/", "", StringComparison.Ordinal).Replace("https://schema.org/", "", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>A property's values, arrays flattened, <c>{"@id": ...}</c> references replaced by the node they name.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement node, string property, Dictionary<string, JsonElement> byId)
    {
        if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(property, out var value))
        {
            yield break;
        }
        var values = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var v in values)
        {
            // {"@id": "#org"} alone is a reference; a node with its own name is the thing itself.
            if (v.ValueKind == JsonValueKind.Object && Text(v, "name") is null && Text(v, "@id") is { } id
                && byId.TryGetValue(id, out var target))
            {
                yield return target;
            }
            else
            {
                yield return v;
            }
        }
    }

    /// <summary>A property's text: a string, the first string of an array, or a language-tagged <c>@value</c>.</summary>
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
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.Object when value.TryGetProperty("@value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
            _ => null,
        };
    }
}
