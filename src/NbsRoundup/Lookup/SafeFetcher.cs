using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace NbsRoundup.Lookup;

/// <summary>A response body read whole (within the size limit), with where it came from.</summary>
/// <param name="RequestedUrl">The address asked for.</param>
/// <param name="FinalUrl">The address that answered, after redirects.</param>
/// <param name="StatusCode">The final answer's status, 2xx.</param>
/// <param name="MediaType">"text/html", "application/pdf" ...; null when the server gave none.</param>
/// <param name="Charset">The charset of the Content-Type header, when it has one.</param>
/// <param name="ContentLanguage">The Content-Language header, when there is one.</param>
/// <param name="Body">The body, decompressed, at most <see cref="SafeFetcherOptions.MaxBodyBytes"/>.</param>
/// <param name="Redirects">The addresses redirected to, in order.</param>
public sealed record FetchedDocument(
    Uri RequestedUrl,
    Uri FinalUrl,
    int StatusCode,
    string? MediaType,
    string? Charset,
    string? ContentLanguage,
    byte[] Body,
    IReadOnlyList<Uri> Redirects);

/// <summary>What a link checker needs to know about one link; no body is read.</summary>
/// <param name="Url">The link checked.</param>
/// <param name="FinalUrl">The address that answered, after redirects; null when none did.</param>
/// <param name="StatusCode">The final answer's status; null when there was none (refused, timed out, no connection).</param>
/// <param name="Method">"HEAD", or "GET" when the server refused HEAD.</param>
/// <param name="Redirects">How many redirects were followed.</param>
/// <param name="Failure">Null when the link answered 2xx after its redirects.</param>
public sealed record LinkCheck(Uri Url, Uri? FinalUrl, int? StatusCode, string Method, int Redirects, LookupFailure? Failure)
{
    public bool IsOk => Failure is null;
}

/// <summary>What to ask for and which answers to accept.</summary>
/// <param name="Accept">The Accept header.</param>
/// <param name="MediaTypes">Media types whose bodies are read; empty reads any. A response without a media type, or with
/// application/octet-stream, is read too and left to the caller to sniff.</param>
public sealed record FetchRequest(string Accept, IReadOnlyCollection<string> MediaTypes)
{
    public static readonly FetchRequest Any = new("*/*", []);
}

/// <summary>
/// Fetches links from the open web without letting them reach the portal's own network: http(s) only,
/// every connection checked against <see cref="AddressRule"/> at connect time (after DNS, so a name that
/// resolves to a private address, now or on a second look-up, is refused), redirects followed by hand
/// and each checked, one time limit for the whole fetch, a size limit on what is read, no cookies, no proxy.
/// Thread-safe; keep one and reuse it.
/// </summary>
/// <remarks>
/// Logs and messages show addresses without their query string and user info ("https://host/path"):
/// signed download links and some CMS pages carry tokens there.
/// </remarks>
public sealed class SafeFetcher : IDisposable
{
    private static readonly int[] _redirectStatuses = [301, 302, 303, 307, 308];

    private readonly SafeFetcherOptions _options;
    private readonly ILogger _logger;
    private readonly HttpClient _client;

    public SafeFetcher(SafeFetcherOptions? options = null, ILogger<SafeFetcher>? logger = null)
    {
        _options = options ?? new SafeFetcherOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            // A proxy would make the connection for us, past the address check.
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = _options.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = ConnectAsync,
        };
        _client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public SafeFetcherOptions Options => _options;

    /// <summary>GETs a link and reads its body, within the limits.</summary>
    public async Task<Outcome<FetchedDocument>> GetAsync(Uri url, FetchRequest? request = null, CancellationToken ct = default)
    {
        request ??= FetchRequest.Any;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var sent = await SendAsync(url, HttpMethod.Get, request.Accept, timeout.Token);
            if (!sent.Succeeded)
            {
                return Outcome.Fail<FetchedDocument>(sent.Failure);
            }
            using var response = sent.Value.Response;
            var finalUrl = sent.Value.FinalUrl;
            var status = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                return Refuse(FailureKind.HttpStatus, $"{Redact(finalUrl)} answered {Describe(response)}", finalUrl, status);
            }
            var contentType = response.Content.Headers.ContentType;
            var mediaType = contentType?.MediaType?.ToLowerInvariant();
            if (request.MediaTypes.Count > 0 && mediaType is not null && mediaType != "application/octet-stream"
                && !request.MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
            {
                return Refuse(FailureKind.UnsupportedContentType,
                    $"{Redact(finalUrl)} is {mediaType}; only web pages, PDFs and DOI records can be read", finalUrl, status);
            }
            var length = response.Content.Headers.ContentLength;
            if (length > _options.MaxBodyBytes)
            {
                return Refuse(FailureKind.TooLarge, $"{Redact(finalUrl)} is {Megabytes(length.Value)}, over the {Megabytes(_options.MaxBodyBytes)} limit", finalUrl, status);
            }
            var body = await ReadLimitedAsync(response.Content, timeout.Token);
            if (body is null)
            {
                return Refuse(FailureKind.TooLarge, $"{Redact(finalUrl)} is larger than the {Megabytes(_options.MaxBodyBytes)} limit; reading stopped there", finalUrl, status);
            }
            _logger.LogDebug("Fetched {Url}: {Status} {MediaType}, {Bytes} bytes after {Redirects} redirects",
                Redact(finalUrl), status, mediaType, body.Length, sent.Value.Redirects.Count);
            return Outcome.Success<FetchedDocument>(new FetchedDocument(
                url, finalUrl, status, mediaType, Unquote(contentType?.CharSet),
                response.Content.Headers.ContentLanguage.FirstOrDefault(), body, sent.Value.Redirects));
        }
        catch (Exception e) when (IsOurs(e, ct))
        {
            return Refuse(Classify(e, url), url);
        }
    }

    /// <summary>
    /// Checks that a link answers, for a link checker: HEAD, then GET when the server refuses HEAD
    /// (any error status but 404, 410 and 429); redirects followed and checked; no body read.
    /// </summary>
    public async Task<LinkCheck> CheckAsync(Uri url, CancellationToken ct = default)
    {
        var head = await CheckWithAsync(url, HttpMethod.Head, ct);
        if (head.Failure is { Kind: FailureKind.HttpStatus, StatusCode: not (404 or 410 or 429) and >= 400 })
        {
            return await CheckWithAsync(url, HttpMethod.Get, ct);
        }
        return head;
    }

    private async Task<LinkCheck> CheckWithAsync(Uri url, HttpMethod method, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            var sent = await SendAsync(url, method, "*/*", timeout.Token);
            if (!sent.Succeeded)
            {
                return new LinkCheck(url, null, null, method.Method, 0, sent.Failure);
            }
            using var response = sent.Value.Response;
            var status = (int)response.StatusCode;
            var failure = response.IsSuccessStatusCode ? null
                : new LookupFailure(FailureKind.HttpStatus, $"{Redact(sent.Value.FinalUrl)} answered {Describe(response)}", status);
            return new LinkCheck(url, sent.Value.FinalUrl, status, method.Method, sent.Value.Redirects.Count, failure);
        }
        catch (Exception e) when (IsOurs(e, ct))
        {
            return new LinkCheck(url, null, null, method.Method, 0, Classify(e, url));
        }
    }

    private sealed record Sent(HttpResponseMessage Response, Uri FinalUrl, IReadOnlyList<Uri> Redirects);

    /// <summary>Sends and follows redirects; the caller disposes the final response.</summary>
    private async Task<Outcome<Sent>> SendAsync(Uri url, HttpMethod method, string accept, CancellationToken ct)
    {
        var redirects = new List<Uri>();
        var current = url;
        while (true)
        {
            if (CheckAddress(current) is { } refused)
            {
                _logger.LogInformation("Refused {Url}: {Reason}", Redact(current), refused.Message);
                return refused;
            }
            using var request = new HttpRequestMessage(method, current);
            request.Headers.UserAgent.ParseAdd(_options.UserAgent);
            request.Headers.Accept.ParseAdd(accept);
            // No Accept-Language: a site that negotiates would answer in the language asked for, not the
            // one of the link the editor pasted.
            var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!_redirectStatuses.Contains((int)response.StatusCode) || response.Headers.Location is null)
            {
                return Outcome.Success<Sent>(new Sent(response, current, redirects));
            }
            var next = new Uri(current, response.Headers.Location);
            response.Dispose();
            if (redirects.Count >= _options.MaxRedirects)
            {
                var message = $"{Redact(url)} redirects more than {_options.MaxRedirects} times";
                _logger.LogInformation("Refused {Url}: {Reason}", Redact(url), message);
                return Outcome.Fail<Sent>(FailureKind.TooManyRedirects, message);
            }
            redirects.Add(next);
            current = next;
            if ((int)response.StatusCode == 303)
            {
                method = method == HttpMethod.Head ? HttpMethod.Head : HttpMethod.Get;
            }
        }
    }

    private LookupFailure? CheckAddress(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https"))
        {
            return new LookupFailure(FailureKind.InvalidInput, $"{Redact(url)} is not an http or https address");
        }
        if (_options.AllowPrivateAddresses)
        {
            return null;
        }
        if (AddressRule.IsForbiddenName(url.IdnHost))
        {
            return new LookupFailure(FailureKind.RefusedAddress, $"{Redact(url)} names this machine or a metadata service ({url.IdnHost}), which links may not reach");
        }
        // An address written in the link is refused here already; a name is checked when it is
        // connected to (ConnectAsync), against what DNS answers then.
        if (IPAddress.TryParse(url.IdnHost, out var literal) && !IsReachable(literal, url.Port))
        {
            return new LookupFailure(FailureKind.RefusedAddress, RefusalMessage(url.IdnHost, literal));
        }
        return null;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var port = context.DnsEndPoint.Port;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal]
            : _options.ResolveHost is { } resolve ? await resolve(host, ct)
            : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = addresses.Where(a => IsReachable(a, port)).ToArray();
        if (allowed.Length == 0)
        {
            throw addresses.Length == 0
                ? new SocketException((int)SocketError.HostNotFound)
                : new AddressRefusedException(RefusalMessage(host, addresses[0]));
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private bool IsReachable(IPAddress address, int port) =>
        _options.AllowPrivateAddresses
        || AddressRule.IsAllowed(address)
        || _options.ExemptEndpoints.Any(e => e.Port == port && e.Address.Equals(address));

    private static string RefusalMessage(string host, IPAddress address)
    {
        var kind = AddressRule.Describe(AddressRule.Classify(address));
        return host == address.ToString()
            ? $"{host} is {kind}, which links may not reach"
            : $"{host} resolves to {address}, {kind}, which links may not reach";
    }

    private async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var body = new MemoryStream();
        var buffer = ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, ct)) > 0)
            {
                if (body.Length + read > _options.MaxBodyBytes)
                {
                    return null;
                }
                body.Write(buffer, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
        return body.ToArray();
    }

    private static bool IsOurs(Exception e, CancellationToken callerToken) =>
        e is HttpRequestException or IOException or SocketException or AddressRefusedException
        || e is OperationCanceledException && !callerToken.IsCancellationRequested;

    private LookupFailure Classify(Exception e, Uri url)
    {
        if (e is OperationCanceledException)
        {
            return new LookupFailure(FailureKind.Timeout, $"{Redact(url)} gave no complete answer within {Seconds(_options.Timeout)}");
        }
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case AddressRefusedException refused:
                    return new LookupFailure(FailureKind.RefusedAddress, refused.Message);
                case SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }:
                    return new LookupFailure(FailureKind.UnknownHost, $"{url.IdnHost} is not a known host name");
                case OperationCanceledException:
                    return new LookupFailure(FailureKind.Timeout, $"{Redact(url)} gave no complete answer within {Seconds(_options.Timeout)}");
            }
        }
        var reason = (e as HttpRequestException)?.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => null,
            HttpRequestError.SecureConnectionError => "the secure connection failed",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.ResponseEnded => "the server closed the connection early",
            HttpRequestError.InvalidResponse => "the server's answer is not valid HTTP",
            _ => "the connection failed",
        };
        return reason is null
            ? new LookupFailure(FailureKind.UnknownHost, $"{url.IdnHost} is not a known host name")
            : new LookupFailure(FailureKind.ConnectionFailed, $"{Redact(url)}: {reason}");
    }

    private Outcome<FetchedDocument> Refuse(FailureKind kind, string message, Uri url, int? status = null) =>
        Refuse(new LookupFailure(kind, message, status), url);

    private Outcome<FetchedDocument> Refuse(LookupFailure failure, Uri url)
    {
        _logger.LogInformation("Could not fetch {Url}: {Reason}", Redact(url), failure.Message);
        return Outcome.Fail<FetchedDocument>(failure);
    }

    /// <summary>"https://host/path": the address without user info, query and fragment, for logs and messages.</summary>
    public static string Redact(Uri url) =>
        url.IsAbsoluteUri ? url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped) : "(a relative address)";

    private static string Describe(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? $"{(int)response.StatusCode}" : $"{(int)response.StatusCode} {response.ReasonPhrase}";

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? $"{bytes / (1024.0 * 1024):0.#} MB" : $"{bytes / 1024.0:0.#} KB";

    private static string Seconds(TimeSpan span) => $"{span.TotalSeconds:0.#} s";

    private static string? Unquote(string? charset) => charset?.Trim('"', '\'', ' ');

    public void Dispose() => _client.Dispose();

    private sealed class AddressRefusedException(string message) : Exception(message);
}
