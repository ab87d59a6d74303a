using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NbsRoundup.Lookup;

/// <summary>Settings of <see cref="LinkLookup"/>.</summary>
public sealed record LinkLookupOptions
{
    /// <summary>Where DOIs are resolved by content negotiation (the DOI is appended). https://doi.org/ by default.</summary>
    public Uri DoiResolver { get; init; } = new("https://doi.org/");

    public SafeFetcherOptions Fetcher { get; init; } = new();
}

/// <summary>
/// Fills an entry from its link: a web page, a PDF or a DOI. Fetches safely (see <see cref="SafeFetcher"/>)
/// and reads what the link says about itself; writes nothing anywhere. Thread-safe; keep one and reuse it.
/// </summary>
public sealed class LinkLookup : IDisposable
{
    private const string CslJson = "application/vnd.citationstyles.csl+json";

    private static readonly FetchRequest _pageRequest = new(
        "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.5",
        ["text/html", "application/xhtml+xml", "application/pdf", "application/x-pdf"]);

    // doi.org hands the request to the DOI's registration agency; an agency without CSL-JSON redirects
    // to the landing page instead, which is then read as a page.
    private static readonly FetchRequest _doiRequest = new(
        $"{CslJson}, application/citeproc+json;q=0.9, text/html;q=0.5, application/pdf;q=0.4",
        [CslJson, "application/citeproc+json", "application/json", "text/html", "application/xhtml+xml", "application/pdf"]);

    private readonly SafeFetcher _fetcher;
    private readonly bool _ownsFetcher;
    private readonly LinkLookupOptions _options;
    private readonly ILogger _logger;

    public LinkLookup(LinkLookupOptions? options = null, ILoggerFactory? loggers = null)
        : this(new SafeFetcher((options ?? new()).Fetcher, loggers?.CreateLogger<SafeFetcher>()), options, loggers?.CreateLogger<LinkLookup>())
    {
        _ownsFetcher = true;
    }

    /// <summary>Shares a fetcher (a link checker's, say); the fetcher's own options apply, not <see cref="LinkLookupOptions.Fetcher"/>.</summary>
    public LinkLookup(SafeFetcher fetcher, LinkLookupOptions? options = null, ILogger<LinkLookup>? logger = null)
        : this(fetcher, options, (ILogger?)logger)
    {
    }

    private LinkLookup(SafeFetcher fetcher, LinkLookupOptions? options, ILogger? logger)
    {
        _fetcher = fetcher;
        _options = options ?? new LinkLookupOptions();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>The fetcher, for a link checker's <see cref="SafeFetcher.CheckAsync"/>.</summary>
    public SafeFetcher Fetcher => _fetcher;

    /// <summary>
    /// Looks up an address ("https://www.wri.org/research/...", or "www.wri.org/..." taken as https) or a DOI
    /// ("10.1038/s41586-021-03523-1", "doi:10...", "https://doi.org/10..."). Either a result or a failure with
    /// a one-line reason; only the caller's cancellation throws.
    /// </summary>
    public async Task<Outcome<LookupResult>> LookupAsync(string urlOrDoi, CancellationToken ct = default)
    {
        var input = urlOrDoi.Trim();
        if (Doi.Parse(input) is { } doi)
        {
            return await LookupDoiAsync(doi, ct);
        }
        if (ParseAddress(input) is not { } url)
        {
            return Outcome.Fail<LookupResult>(FailureKind.InvalidInput,
                $"'{Shorten(input)}' is neither an http(s) address nor a DOI");
        }
        var fetched = await _fetcher.GetAsync(url, _pageRequest, ct);
        return fetched.Succeeded ? Read(fetched.Value) : Outcome.Fail<LookupResult>(fetched.Failure);
    }

    private async Task<Outcome<LookupResult>> LookupDoiAsync(string doi, CancellationToken ct)
    {
        var resolver = _options.DoiResolver.AbsoluteUri.EndsWith('/') ? _options.DoiResolver : new Uri(_options.DoiResolver.AbsoluteUri + "/");
        var fetched = await _fetcher.GetAsync(Doi.ResolverUrl(resolver, doi), _doiRequest, ct);
        if (!fetched.Succeeded)
        {
            return fetched.Failure is { Kind: FailureKind.HttpStatus, StatusCode: 404 }
                ? Outcome.Fail<LookupResult>(FailureKind.HttpStatus, $"the DOI {doi} is not registered", 404)
                : Outcome.Fail<LookupResult>(fetched.Failure);
        }
        var document = fetched.Value;
        if (IsJson(document))
        {
            var result = CslJsonReader.Read(Encoding.UTF8.GetString(document.Body), doi);
            _logger.LogDebug("Resolved DOI {Doi}", doi);
            return result is null
                ? Outcome.Fail<LookupResult>(FailureKind.Unreadable, $"the record of DOI {doi} is not valid CSL-JSON")
                : Outcome.Success<LookupResult>(result);
        }
        var read = Read(document);
        // A landing page read instead of a record still belongs to the DOI.
        return read.Succeeded && read.Value.Doi is null
            ? Outcome.Success<LookupResult>(read.Value with
            {
                Doi = doi,
                Sources = new Dictionary<LookupField, MetadataSource>(read.Value.Sources) { [LookupField.Doi] = MetadataSource.Doi },
            })
            : read;
    }

    /// <summary>Reads a fetched document by what it is: a PDF (by media type or its %PDF- signature) or a web page.</summary>
    public static Outcome<LookupResult> Read(FetchedDocument document)
    {
        if (IsPdf(document))
        {
            return PdfMetadataReader.Read(document.Body, document.FinalUrl) is { } pdf
                ? Outcome.Success<LookupResult>(pdf)
                : Outcome.Fail<LookupResult>(FailureKind.Unreadable, $"{SafeFetcher.Redact(document.FinalUrl)} is not a readable PDF");
        }
        if (document.MediaType is null or "text/html" or "application/xhtml+xml" or "application/octet-stream")
        {
            return Outcome.Success<LookupResult>(HtmlMetadataReader.Read(document));
        }
        return Outcome.Fail<LookupResult>(FailureKind.UnsupportedContentType,
            $"{SafeFetcher.Redact(document.FinalUrl)} is {document.MediaType}; only web pages, PDFs and DOI records can be read");
    }

    private static bool IsPdf(FetchedDocument document) =>
        document.MediaType is "application/pdf" or "application/x-pdf"
        || document.Body.AsSpan().StartsWith("%PDF-"u8);

    private static bool IsJson(FetchedDocument document) =>
        document.MediaType is CslJson or "application/citeproc+json" or "application/json";

    /// <summary>An http(s) address from what an editor pasted; "www.example.org/x" is taken as https.</summary>
    private static Uri? ParseAddress(string input)
    {
        if (input.Length == 0 || input.Any(char.IsWhiteSpace))
        {
            return null;
        }
        if (Uri.TryCreate(input, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }
        var slash = input.IndexOf('/', StringComparison.Ordinal);
        var host = slash < 0 ? input : input[..slash];
        return !input.Contains(':', StringComparison.Ordinal) && host.Contains('.', StringComparison.Ordinal)
            && Uri.TryCreate("https://" + input, UriKind.Absolute, out var guessed) ? guessed : null;
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";

    public void Dispose()
    {
        if (_ownsFetcher)
        {
            _fetcher.Dispose();
        }
    }
}
