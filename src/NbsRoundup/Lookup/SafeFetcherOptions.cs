using System.Net;

namespace NbsRoundup.Lookup;

/// <summary>Limits of <see cref="SafeFetcher"/>. The defaults are the ones the portal uses.</summary>
public sealed record SafeFetcherOptions
{
    /// <summary>What the portal calls itself to the sites it reads; a contact address may be added.</summary>
    public const string DefaultUserAgent = "NbsRoundup/1.0 (+link look-up for the NbS Round-up newsletter catalogue)";

    /// <summary>Time for the whole fetch: every redirect, the headers and the body. 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body read, after decompression. 5 MB; past it the fetch stops and is refused.</summary>
    public long MaxBodyBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed before giving up. 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    public string UserAgent { get; init; } = DefaultUserAgent;

    /// <summary>
    /// Lifts the address rule (loopback, private, link-local, metadata ... addresses become reachable).
    /// For fetching from a server on the same machine in tests; never in production.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Resolves host names; tests stand in a DNS server that lies, as in a rebinding attack.</summary>
    internal Func<string, CancellationToken, Task<IPAddress[]>>? ResolveHost { get; init; }

    /// <summary>
    /// Endpoints reachable in spite of the address rule: a test's fixture server, so that a test can show
    /// that every other loopback address, port and spelling stays refused while the rule is on.
    /// </summary>
    internal IReadOnlyCollection<IPEndPoint> ExemptEndpoints { get; init; } = [];
}
