using System.Text.Json;
using System.Text.Json.Serialization;
using NbsRoundup.Catalogue;

namespace NbsRoundup.Lookup;

/// <summary>Where a field's value was found, most trusted first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MetadataSource>))]
public enum MetadataSource
{
    /// <summary>A DOI's CSL-JSON record from its registration agency.</summary>
    Doi,
    /// <summary>Highwire Press <c>citation_*</c> meta tags (Google Scholar's).</summary>
    Citation,
    JsonLd,
    DublinCore,
    /// <summary>Chinese government and institutional CMS meta tags: ArticleTitle, PubDate, ContentSource ...</summary>
    GovernmentCms,
    OpenGraph,
    /// <summary>Plain HTML: <c>&lt;title&gt;</c>, <c>&lt;link rel="canonical"&gt;</c>, <c>lang</c>, <c>meta name="author"</c>.</summary>
    Html,
    /// <summary>A PDF's document information (Title, Author).</summary>
    PdfInfo,
    /// <summary>Text printed on a PDF's first page.</summary>
    PdfText,
    /// <summary>The HTTP answer: the address after redirects, Content-Language.</summary>
    Http,
    /// <summary>Guessed from the script of the text (Han characters: Chinese).</summary>
    Script,
}

/// <summary>Fields of a look-up result, for "filled from" marks.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<LookupField>))]
public enum LookupField
{
    Title,
    OriginalTitle,
    Organisations,
    Authors,
    Date,
    Link,
    Language,
    Doi,
    PdfLink,
}

/// <summary>
/// What a link says about itself, ready to fill an entry's form. Fields the link does not give are null
/// or empty; <see cref="Sources"/> tells which source gave each field that is filled.
/// </summary>
/// <param name="Title">The Chinese title, when the link gives one.</param>
/// <param name="OriginalTitle">The title in another language (usually English), when the link gives one.</param>
/// <param name="Organisations">Publishers, institutions and journals as the link names them, most trusted first, without repeats.
/// Names, not catalogue organisations: resolving them is the caller's.</param>
/// <param name="Authors">People, in the order given, given name first ("Nathalie Seddon" for "Seddon, Nathalie"; "曾楠").</param>
/// <param name="Date">Publication date at the precision given (year, month or day); its text is the ISO form.</param>
/// <param name="Link">The link to store: the page's canonical address, else the address reached after redirects.</param>
/// <param name="Language">Primary language subtag, lower case: "zh", "en", "fr".</param>
/// <param name="Doi">The DOI, lower case, when the link has one.</param>
/// <param name="PdfLink">A full-text PDF the page points to (citation_pdf_url).</param>
/// <param name="Sources">Which source gave each field that is filled.</param>
public sealed record LookupResult(
    string? Title,
    string? OriginalTitle,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Authors,
    [property: JsonIgnore] PartialDate? Date,
    [property: JsonPropertyOrder(1)] string? Link,
    [property: JsonPropertyOrder(1)] string? Language,
    [property: JsonPropertyOrder(1)] string? Doi,
    [property: JsonPropertyOrder(1)] string? PdfLink,
    [property: JsonPropertyOrder(1)] IReadOnlyDictionary<LookupField, MetadataSource> Sources)
{
    /// <summary>"2021", "2021-10" or "2021-10-12": the date as the command line and forms show it.</summary>
    [JsonPropertyName("date")]
    public string? DateText => Date?.Iso;

    /// <summary>Options that write the command line's shape: camelCase, Chinese as is, nulls kept.</summary>
    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);
}
