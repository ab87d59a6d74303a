using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Lookup;

/// <summary>
/// Reads what a web page says about itself, in this order of trust: Highwire <c>citation_*</c> tags, JSON-LD,
/// Dublin Core, the meta tags of Chinese government CMSs (TRS-style ArticleTitle, PubDate, ContentSource,
/// SiteName, Author; gov.cn's firstpublishedtime, source), OpenGraph, then plain HTML
/// (<c>&lt;title&gt;</c>, <c>lang</c>, <c>meta name="author"</c>).
/// </summary>
/// <remarks>
/// The link is the page's <c>&lt;link rel="canonical"&gt;</c>, else <c>og:url</c>, else the CMS's <c>Url</c>, else the
/// address reached after redirects; relative ones are resolved against the page (and its <c>&lt;base&gt;</c>).
/// A canonical link to the site's home page from a deeper page is a template mistake and is ignored.
/// </remarks>
public static class HtmlMetadataReader
{
    private static readonly string[] _titleSeparators = [" | ", " - ", " – ", " — ", "——", "_", " · ", "－", "｜"];

    /// <summary>Reads a fetched page.</summary>
    public static LookupResult Read(FetchedDocument page)
    {
        var (text, _) = HtmlDecoding.Decode(page.Body, page.Charset);
        return Read(text, page.FinalUrl, page.ContentLanguage);
    }

    /// <summary>Reads a page's markup, found at <paramref name="address"/>.</summary>
    public static LookupResult Read(string html, Uri address, string? contentLanguage = null)
    {
        // A parser per page: AngleSharp does not promise that one parser may parse on several threads.
        var document = new HtmlParser().ParseDocument(html);
        var baseUrl = document.QuerySelector("base[href]")?.GetAttribute("href") is { } href
            && Uri.TryCreate(address, href, out var b) ? b : address;
        var meta = new MetaTags(document);
        var found = new Found();

        ReadCanonical(document, found, address, baseUrl);
        ReadCitation(meta, found, baseUrl);
        JsonLdReader.Read(document.QuerySelectorAll("script[type]")
            .Where(s => s.GetAttribute("type")!.Trim().Equals("application/ld+json", StringComparison.OrdinalIgnoreCase))
            .Select(s => s.TextContent), found);
        ReadDublinCore(meta, found);
        ReadGovernmentCms(meta, found, address, baseUrl);
        ReadOpenGraph(meta, found, address, baseUrl);
        ReadHtml(document, meta, found, address, contentLanguage);

        return found.Build(address, BodySample(document));
    }

    private static void ReadCitation(MetaTags meta, Found found, Uri baseUrl)
    {
        const MetadataSource source = MetadataSource.Citation;
        found.Add(LookupField.Title, meta.First("citation_title"), source);
        foreach (var author in meta.All("citation_author"))
        {
            found.Add(LookupField.Authors, author, source);
        }
        foreach (var author in CreatorNames.Split(meta.First("citation_authors")))
        {
            found.Add(LookupField.Authors, author, source);
        }
        foreach (var name in new[] { "citation_technical_report_institution", "citation_dissertation_institution", "citation_publisher", "citation_journal_title" })
        {
            found.Add(LookupField.Organisations, meta.First(name), source);
        }
        foreach (var name in new[] { "citation_publication_date", "citation_date", "citation_online_date", "citation_year" })
        {
            found.Add(LookupField.Date, meta.First(name), source);
        }
        found.Add(LookupField.Doi, meta.First("citation_doi"), source);
        found.Add(LookupField.Language, meta.First("citation_language"), source);
        found.Add(LookupField.PdfLink, Absolute(baseUrl, meta.First("citation_pdf_url")), source);
    }

    private static void ReadDublinCore(MetaTags meta, Found found)
    {
        const MetadataSource source = MetadataSource.DublinCore;
        found.Add(LookupField.Title, meta.First("dc.title", "dcterms.title"), source);
        found.Add(LookupField.Title, meta.First("dcterms.alternative"), source);
        foreach (var creator in meta.All("dc.creator", "dcterms.creator"))
        {
            found.AddCreator(creator, source);
        }
        foreach (var publisher in meta.All("dc.publisher", "dcterms.publisher"))
        {
            found.Add(LookupField.Organisations, publisher, source);
        }
        found.Add(LookupField.Date, meta.First("dcterms.issued", "dc.date.issued", "dc.date", "dcterms.date", "dcterms.created"), source);
        found.Add(LookupField.Language, meta.First("dc.language", "dcterms.language"), source);
        found.Add(LookupField.Doi, meta.All("dc.identifier", "dcterms.identifier").FirstOrDefault(v => Doi.Find(v) is not null), source);
    }

    /// <summary>
    /// The meta tags that China's guidelines for government websites ask every article page to carry
    /// (SiteName, SiteDomain, ColumnName, ArticleTitle, PubDate, ContentSource, Author, Url ...), as TRS and
    /// similar CMSs write them on gov.cn ministry sites (mee, mnr, forestry ...), and the older ones of
    /// www.gov.cn itself (firstpublishedtime "2021-10-12-20:08:45", publishdate, source).
    /// </summary>
    private static void ReadGovernmentCms(MetaTags meta, Found found, Uri address, Uri baseUrl)
    {
        const MetadataSource source = MetadataSource.GovernmentCms;
        found.Add(LookupField.Title, meta.First("articletitle"), source);
        found.Add(LookupField.Date, meta.First("pubdate", "firstpublishedtime", "publishdate"), source);
        // ContentSource names who issued the text ("生态环境部", "新华社"); SiteName the site it is on.
        found.Add(LookupField.Organisations, meta.First("contentsource", "source"), source);
        if (meta.First("articletitle", "pubdate", "contentsource", "siteidcode", "firstpublishedtime") is not null)
        {
            // Generic names (author, url) count as the CMS's only on a page that has its other tags.
            found.AddCreator(meta.First("author"), source);
            found.Add(LookupField.Organisations, meta.First("sitename"), source);
            AddLink(found, meta.First("url"), address, baseUrl, source);
        }
    }

    private static void ReadOpenGraph(MetaTags meta, Found found, Uri address, Uri baseUrl)
    {
        const MetadataSource source = MetadataSource.OpenGraph;
        found.Add(LookupField.Organisations, meta.First("og:site_name"), source);
        // Many sites put their name in og:title too ("Title | WRI").
        if (meta.First("og:title") is { } title)
        {
            found.Add(LookupField.Title, WithoutSiteName(TextScript.CollapseWhitespace(title), found, address), source);
        }
        found.Add(LookupField.Date, meta.First("article:published_time", "og:published_time"), source);
        AddLink(found, meta.First("og:url"), address, baseUrl, source);
        found.Add(LookupField.Language, meta.First("og:locale"), source);
    }

    private static void ReadHtml(IHtmlDocument document, MetaTags meta, Found found, Uri address, string? contentLanguage)
    {
        const MetadataSource source = MetadataSource.Html;
        if (document.Title is { Length: > 0 } title)
        {
            found.Add(LookupField.Title, WithoutSiteName(TextScript.CollapseWhitespace(title), found, address), source);
        }
        found.AddCreator(meta.First("author"), source);
        found.Add(LookupField.Date, meta.First("date", "publication_date"), source);
        found.Add(LookupField.Language, document.DocumentElement.GetAttribute("lang")
            ?? document.DocumentElement.GetAttribute("xml:lang"), source);
        found.Add(LookupField.Language, meta.HttpEquiv("content-language"), source);
        found.Add(LookupField.Language, contentLanguage, MetadataSource.Http);

    }

    /// <summary>The page's own link, first of all candidates: <c>&lt;link rel="canonical"&gt;</c>.</summary>
    private static void ReadCanonical(IHtmlDocument document, Found found, Uri address, Uri baseUrl)
    {
        var canonical = document.QuerySelectorAll("link[rel][href]")
            .Where(l => l.GetAttribute("rel")!.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(r => r.Equals("canonical", StringComparison.OrdinalIgnoreCase)))
            .Select(l => l.GetAttribute("href"));
        foreach (var href in canonical)
        {
            AddLink(found, href, address, baseUrl, MetadataSource.Html);
        }
    }

    private static void AddLink(Found found, string? href, Uri address, Uri baseUrl, MetadataSource source)
    {
        if (Absolute(baseUrl, href) is { } link && !IsHomeOf(new Uri(link), address))
        {
            found.Add(LookupField.Link, link, source);
        }
    }

    /// <summary>
    /// "关于…的通知_中华人民共和国生态环境部" → "关于…的通知": leading or trailing parts of a &lt;title&gt; that name the
    /// site (an organisation found on the page, or the host's name: "WRI" on wri.org) are dropped.
    /// </summary>
    internal static string WithoutSiteName(string title, Found found, Uri address)
    {
        var names = found.Values(LookupField.Organisations).Select(Catalogue.Names.Normalize).ToList();
        var hostLabels = address.Host.ToLowerInvariant().Split('.').Where(l => l is not ("www" or "com" or "org" or "net" or "gov" or "cn" or "edu" or "int")).ToList();
        bool IsSiteName(string part)
        {
            var key = Catalogue.Names.Normalize(part);
            return key.Length >= 2 && (names.Any(n => n == key || n.EndsWith(key, StringComparison.Ordinal) || key.EndsWith(n, StringComparison.Ordinal))
                || hostLabels.Contains(key));
        }

        var parts = new List<string> { title };
        foreach (var separator in _titleSeparators)
        {
            parts = parts.SelectMany(p => p.Split(separator)).ToList();
        }
        if (parts.Count < 2)
        {
            return title;
        }
        // Site names trail ("标题_中华人民共和国生态环境部", "Title - Journal - Wiley Online Library") or lead
        // ("国家林业和草原局 - 标题"); at least one part always stays.
        var first = 0;
        var last = parts.Count - 1;
        while (last > first && IsSiteName(parts[last]))
        {
            last--;
        }
        while (first < last && IsSiteName(parts[first]))
        {
            first++;
        }
        var text = title;
        if (first > 0 || last < parts.Count - 1)
        {
            // Cut by position in the original text, separators included, then trim the separators left at the ends.
            var startIndex = IndexOfPart(title, parts, first);
            var endIndex = IndexOfPart(title, parts, last) + parts[last].Length;
            text = TrimSeparators(title[startIndex..endIndex]);
        }
        return text.Length > 0 ? text : title;
    }

    /// <summary>Where the part at <paramref name="index"/> starts in the title the parts were split from.</summary>
    private static int IndexOfPart(string title, List<string> parts, int index)
    {
        var position = 0;
        for (var i = 0; i <= index; i++)
        {
            position = title.IndexOf(parts[i], position, StringComparison.Ordinal);
            if (i < index)
            {
                position += parts[i].Length;
            }
        }
        return position;
    }

    private static string TrimSeparators(string text)
    {
        var trimmed = text.Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var separator in _titleSeparators.Select(s => s.Trim()).Where(s => s.Length > 0))
            {
                if (trimmed.StartsWith(separator, StringComparison.Ordinal))
                {
                    trimmed = trimmed[separator.Length..].Trim();
                    changed = true;
                }
                if (trimmed.EndsWith(separator, StringComparison.Ordinal))
                {
                    trimmed = trimmed[..^separator.Length].Trim();
                    changed = true;
                }
            }
        }
        return trimmed;
    }

    private static bool IsHomeOf(Uri candidate, Uri address) =>
        candidate.AbsolutePath is "/" or "" && string.IsNullOrEmpty(candidate.Query.TrimStart('?'))
        && address.AbsolutePath.Trim('/').Length > 0;

    private static string? Absolute(Uri baseUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(baseUrl, href.Trim(), out var url) || url.Scheme is not ("http" or "https"))
        {
            return null;
        }
        return url.AbsoluteUri;
    }

    /// <summary>The first few thousand characters of the page's visible text, for guessing its language.</summary>
    private static string BodySample(IHtmlDocument document)
    {
        if (document.Body is null)
        {
            return "";
        }
        var sb = new System.Text.StringBuilder();
        foreach (var node in document.Body.GetDescendants().OfType<IText>())
        {
            if (node.ParentElement?.LocalName is "script" or "style" or "noscript" or "template")
            {
                continue;
            }
            sb.Append(node.Data).Append(' ');
            if (sb.Length > 4000)
            {
                break;
            }
        }
        return TextScript.CollapseWhitespace(sb.ToString());
    }

    /// <summary>A page's meta tags by name or property, names compared without case.</summary>
    private sealed class MetaTags
    {
        private readonly ILookup<string, string> _byName;
        private readonly ILookup<string, string> _byHttpEquiv;

        public MetaTags(IDocument document)
        {
            var metas = document.QuerySelectorAll("meta[content]").ToList();
            _byName = metas
                .SelectMany(m => new[] { m.GetAttribute("name"), m.GetAttribute("property"), m.GetAttribute("itemprop") }
                    .Where(n => !string.IsNullOrWhiteSpace(n))
                    .Select(n => (Name: n!.Trim().ToLowerInvariant(), Content: m.GetAttribute("content")!)))
                .Where(p => !string.IsNullOrWhiteSpace(p.Content))
                .ToLookup(p => p.Name, p => p.Content);
            _byHttpEquiv = metas
                .Where(m => !string.IsNullOrWhiteSpace(m.GetAttribute("http-equiv")))
                .ToLookup(m => m.GetAttribute("http-equiv")!.Trim().ToLowerInvariant(), m => m.GetAttribute("content")!);
        }

        public string? First(params string[] names) => All(names).FirstOrDefault();

        public IEnumerable<string> All(params string[] names) => names.SelectMany(n => _byName[n]);

        public string? HttpEquiv(string name) => _byHttpEquiv[name].FirstOrDefault();
    }
}
