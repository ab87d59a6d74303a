using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;
using NbsRoundup.Lookup;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Lookup;

/// <summary>The fetcher's limits and its address rule, against the fixture server.</summary>
[Collection(LookupServerGroup.Name)]
public sealed class SafeFetcherTests(LookupFixtureServer server)
{
    private static readonly SafeFetcherOptions _local = new() { AllowPrivateAddresses = true };

    /// <summary>The rule ON, with only the fixture's first port exempted: every other loopback address stays refused.</summary>
    private SafeFetcherOptions RuleOn => new() { ExemptEndpoints = [new IPEndPoint(IPAddress.Loopback, server.Port)] };

    [Fact]
    public void The_portal_s_limits_are_10_seconds_5_redirects_5_MB_and_the_address_rule_on()
    {
        // The portal builds its fetcher from these defaults (PortalLookup): they are what editors get.
        var defaults = new SafeFetcherOptions();

        Assert.Equal(TimeSpan.FromSeconds(10), defaults.Timeout);
        Assert.Equal(5, defaults.MaxRedirects);
        Assert.Equal(5L * 1024 * 1024, defaults.MaxBodyBytes);
        Assert.False(defaults.AllowPrivateAddresses);
    }

    [Fact]
    public async Task Every_request_of_a_fetch_and_of_a_link_check_names_NbS_Round_up_in_its_User_Agent()
    {
        using var fetcher = new SafeFetcher(_local);
        var tag = Guid.NewGuid().ToString("N");
        var page = $"/head-refused?ua={tag}";

        var fetched = await fetcher.GetAsync(server.Url($"/go?ua={tag}&to={Uri.EscapeDataString(page)}"));
        var check = await fetcher.CheckAsync(server.Url(page));

        Assert.True(fetched.Succeeded, fetched.Failure?.Message);
        Assert.True(check.IsOk);
        var sent = server.Received.Where(r => r.PathAndQuery.Contains(tag, StringComparison.Ordinal)).ToList();
        // The redirect and its target; then HEAD, refused, and GET.
        Assert.Equal(["GET /go", "GET /head-refused", "HEAD /head-refused", "GET /head-refused"],
            sent.Select(r => $"{r.Method} {r.PathAndQuery.Split('?')[0]}"));
        Assert.All(sent, r => Assert.Contains("NbS Round-up", r.UserAgent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_redirects_are_followed_to_the_page()
    {
        using var fetcher = new SafeFetcher(_local);

        var outcome = await fetcher.GetAsync(server.Url("/redirect/5"));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
        Assert.Equal(server.Url("/redirect/0"), outcome.Value!.FinalUrl);
        Assert.Equal(5, outcome.Value.Redirects.Count);
    }

    [Fact]
    public async Task A_sixth_redirect_is_refused()
    {
        using var fetcher = new SafeFetcher(_local);

        var outcome = await fetcher.GetAsync(server.Url("/redirect/6"));

        Assert.Equal(FailureKind.TooManyRedirects, outcome.Failure!.Kind);
        Assert.Equal($"{server.Origin}/redirect/6 redirects more than 5 times", outcome.Failure.Message);
    }

    [Fact]
    public async Task A_page_that_never_answers_times_out_at_the_configured_limit()
    {
        using var fetcher = new SafeFetcher(_local with { Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var outcome = await fetcher.GetAsync(server.Url("/slow"));

        Assert.Equal(FailureKind.Timeout, outcome.Failure!.Kind);
        Assert.Equal($"{server.Origin}/slow gave no complete answer within 1 s", outcome.Failure.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_body_that_trickles_counts_against_the_same_time_limit()
    {
        using var fetcher = new SafeFetcher(_local with { Timeout = TimeSpan.FromSeconds(1) });
        var clock = Stopwatch.StartNew();

        var outcome = await fetcher.GetAsync(server.Url("/slow-body"));

        Assert.Equal(FailureKind.Timeout, outcome.Failure!.Kind);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_caller_cancelling_is_not_reported_as_a_timeout()
    {
        using var fetcher = new SafeFetcher(_local);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => fetcher.GetAsync(server.Url("/slow"), ct: cancel.Token));
    }

    [Fact]
    public async Task A_50_MB_body_is_refused_at_5_MB_without_being_read_whole()
    {
        server.ResetHuge();
        using var fetcher = new SafeFetcher(_local);
        var clock = Stopwatch.StartNew();

        var outcome = await fetcher.GetAsync(server.Url("/huge"));

        Assert.Equal(FailureKind.TooLarge, outcome.Failure!.Kind);
        Assert.Equal($"{server.Origin}/huge is larger than the 5 MB limit; reading stopped there", outcome.Failure.Message);
        // Reading the rest would take over a minute; the server got little past its fast first 6 MB out.
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        Assert.InRange(server.HugeBytesSent, 5L * 1024 * 1024, LookupFixtureServer.FastBytes + 4 * 1024 * 1024);
        await server.HugeEnded.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_declared_50_MB_body_is_refused_from_its_header()
    {
        server.ResetHuge();
        using var fetcher = new SafeFetcher(_local);
        var clock = Stopwatch.StartNew();

        var outcome = await fetcher.GetAsync(server.Url("/huge-declared"));

        Assert.Equal(FailureKind.TooLarge, outcome.Failure!.Kind);
        Assert.Equal($"{server.Origin}/huge-declared is 50 MB, over the 5 MB limit", outcome.Failure.Message);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await server.HugeEnded.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task With_the_rule_on_the_exempted_fixture_still_answers()
    {
        using var fetcher = new SafeFetcher(RuleOn);

        var outcome = await fetcher.GetAsync(server.Url("/redirect/1"));

        Assert.True(outcome.Succeeded, outcome.Failure?.Message);
    }

    [Theory]
    [InlineData("http://127.0.0.1:{other}/redirect/0", "127.0.0.1 is a loopback address, which links may not reach")]
    [InlineData("http://127.0.0.2:{port}/redirect/0", "127.0.0.2 is a loopback address, which links may not reach")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/redirect/0", "::ffff:127.0.0.1 is a loopback address, which links may not reach")]
    [InlineData("http://[::1]:{port}/redirect/0", "::1 is a loopback address, which links may not reach")]
    [InlineData("http://2130706433:{other}/redirect/0", "127.0.0.1 is a loopback address, which links may not reach")]
    [InlineData("http://0x7f.0.0.1:{other}/redirect/0", "127.0.0.1 is a loopback address, which links may not reach")]
    [InlineData("http://0177.0.0.1:{other}/redirect/0", "127.0.0.1 is a loopback address, which links may not reach")]
    [InlineData("http://localhost:{port}/redirect/0", "names this machine or a metadata service (localhost)")]
    [InlineData("http://metadata.google.internal/computeMetadata/v1/", "names this machine or a metadata service (metadata.google.internal)")]
    public async Task A_redirect_to_this_machine_is_refused_with_the_rule_on(string target, string reason)
    {
        using var fetcher = new SafeFetcher(RuleOn);
        var to = target.Replace("{other}", $"{server.OtherPort}", StringComparison.Ordinal)
            .Replace("{port}", $"{server.Port}", StringComparison.Ordinal);

        var outcome = await fetcher.GetAsync(server.Url("/go?to=" + Uri.EscapeDataString(to)));

        Assert.Equal(FailureKind.RefusedAddress, outcome.Failure!.Kind);
        Assert.Contains(reason, outcome.Failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_resolves_to_loopback_is_refused_when_connecting()
    {
        // A DNS server under an attacker's control answers with 127.0.0.1: only the connect-time check sees it.
        var options = RuleOn with
        {
            ResolveHost = (host, _) => Task.FromResult(host == "innocent.example" ? new[] { IPAddress.Loopback } : []),
        };
        using var fetcher = new SafeFetcher(options);

        var outcome = await fetcher.GetAsync(new Uri($"http://innocent.example:{server.OtherPort}/redirect/0"));

        Assert.Equal(FailureKind.RefusedAddress, outcome.Failure!.Kind);
        Assert.Equal("innocent.example resolves to 127.0.0.1, a loopback address, which links may not reach", outcome.Failure.Message);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_reported_as_unknown()
    {
        var options = _local with { ResolveHost = (_, _) => Task.FromResult(Array.Empty<IPAddress>()) };
        using var fetcher = new SafeFetcher(options);

        var outcome = await fetcher.GetAsync(new Uri("http://no-such-host.example/report"));

        Assert.Equal(FailureKind.UnknownHost, outcome.Failure!.Kind);
        Assert.Equal("no-such-host.example is not a known host name", outcome.Failure.Message);
    }

    [Fact]
    public async Task A_redirect_to_another_scheme_is_refused()
    {
        using var fetcher = new SafeFetcher(_local);

        var outcome = await fetcher.GetAsync(server.Url("/go?to=" + Uri.EscapeDataString("file:///etc/passwd")));

        Assert.Equal(FailureKind.InvalidInput, outcome.Failure!.Kind);
    }

    [Fact]
    public async Task Query_strings_stay_out_of_logs_and_messages()
    {
        var logger = new ListLogger();
        using var fetcher = new SafeFetcher(_local, logger);

        var outcome = await fetcher.GetAsync(server.Url("/gone?token=s3cr3t-signature"));

        Assert.Equal($"{server.Origin}/gone answered 404 Not Found", outcome.Failure!.Message);
        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(logger.Lines, l => l.Contains("s3cr3t", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Link_check_falls_back_to_GET_when_HEAD_is_refused()
    {
        using var fetcher = new SafeFetcher(_local);

        var check = await fetcher.CheckAsync(server.Url("/head-refused"));

        Assert.True(check.IsOk);
        Assert.Equal("GET", check.Method);
        Assert.Equal(200, check.StatusCode);
    }

    [Fact]
    public async Task Link_check_reports_a_missing_page_from_HEAD_alone()
    {
        using var fetcher = new SafeFetcher(_local);

        var check = await fetcher.CheckAsync(server.Url("/gone"));

        Assert.False(check.IsOk);
        Assert.Equal(404, check.StatusCode);
        Assert.Equal("HEAD", check.Method);
    }

    [Fact]
    public async Task Link_check_follows_redirects_and_reports_where_they_end()
    {
        using var fetcher = new SafeFetcher(_local);

        var check = await fetcher.CheckAsync(server.Url("/redirect/3"));

        Assert.True(check.IsOk);
        Assert.Equal(3, check.Redirects);
        Assert.Equal(server.Url("/redirect/0"), check.FinalUrl);
    }

    [Fact]
    public async Task Link_check_does_not_read_a_huge_body()
    {
        server.ResetHuge();
        using var fetcher = new SafeFetcher(_local);
        var clock = Stopwatch.StartNew();

        var check = await fetcher.CheckAsync(server.Url("/huge"));

        Assert.True(check.IsOk);
        // HEAD is refused (405), GET's headers are enough: reading the body would take over a minute.
        Assert.Equal("GET", check.Method);
        Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(5));
        await server.HugeEnded.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed class ListLogger : ILogger<SafeFetcher>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception));
            }
        }
    }
}
