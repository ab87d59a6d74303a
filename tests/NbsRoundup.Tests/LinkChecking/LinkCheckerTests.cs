using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Importing;
using NbsRoundup.LinkChecking;
using NbsRoundup.Lookup;
using NbsRoundup.Tests.Data;
using NbsRoundup.Tests.Lookup;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.LinkChecking;

/// <summary>
/// The link checker is a polite client and a safe one: a pause between two requests to one site, a few
/// sites at a time, and the look-up's address rule. Timings come from the fixture server's record of
/// when each request arrived and was answered.
/// </summary>
[Collection(LookupServerGroup.Name)]
public sealed class LinkCheckerTests(LookupFixtureServer server) : IDisposable
{
    private readonly TestDatabase _database = TestDatabase.Create();

    public void Dispose() => _database.Dispose();

    /// <summary>Imports an issue whose entries link to these addresses, in this order.</summary>
    private async Task ImportAsync(string slug, params string[] links)
    {
        var file = new StringBuilder($"---\nslug: {slug}\ntitle: 链接检查 {slug}\nyear: 2022\nmonth: 1\n---\n\n# 研究和观点\n");
        for (var i = 0; i < links.Length; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"\n### 条目 {i}\nslug: {slug}-{i}\nlink: {links[i]}\n\n正文。\n");
        }
        var parsed = NewsletterParser.Parse(file.ToString(), slug + ".md");
        Assert.False(parsed.HasErrors, string.Join("\n", parsed.Diagnostics));
        await using var db = _database.Open();
        Assert.True((await new CatalogueImporter(db).ImportAsync(parsed.Document!, dryRun: false)).Applied);
    }

    /// <summary>A fetcher that may reach this machine, where every host name is the fixture server.</summary>
    private static SafeFetcher FetcherForHosts() =>
        new(new SafeFetcherOptions { AllowPrivateAddresses = true, ResolveHost = (_, _) => Task.FromResult(new[] { IPAddress.Loopback }) });

    private List<ReceivedRequest> Received(string tag) =>
        server.Received.Where(r => r.PathAndQuery.Contains(tag, StringComparison.Ordinal)).OrderBy(r => r.Arrived).ToList();

    [Fact]
    public async Task Two_links_on_one_site_are_not_asked_for_closer_together_than_the_pause()
    {
        var pause = TimeSpan.FromMilliseconds(400);
        var tag = Guid.NewGuid().ToString("N");
        await ImportAsync("2022-01-paced", [.. Enumerable.Range(0, 3).Select(i => $"http://paced.example:{server.Port}/hold/0?t={tag}&n={i}")]);
        using var fetcher = FetcherForHosts();

        await using var db = _database.Open();
        var report = await new LinkChecker(fetcher, new LinkCheckOptions { PerHostPause = pause }).RunAsync(db, "2022-01-paced");

        Assert.Equal((3, 0), (report!.Checked, report.Broken));
        var arrivals = Received(tag).Select(r => r.Arrived).ToList();
        Assert.Equal(3, arrivals.Count);
        // A lower bound only: a busy machine makes the gaps longer, never shorter. A few milliseconds
        // allowed for timer granularity.
        Assert.All(arrivals.Zip(arrivals.Skip(1), (a, b) => b - a),
            gap => Assert.True(gap >= pause - TimeSpan.FromMilliseconds(15), $"two requests to one site came {gap.TotalMilliseconds:0} ms apart"));
    }

    [Fact]
    public async Task No_more_sites_are_checked_at_once_than_the_concurrency_allows()
    {
        var tag = Guid.NewGuid().ToString("N");
        // Five sites, one slow link each: unbounded, all five would be open together.
        await ImportAsync("2022-01-sites", [.. Enumerable.Range(0, 5).Select(i => $"http://site{i}.example:{server.Port}/hold/300?t={tag}")]);
        using var fetcher = FetcherForHosts();

        await using var db = _database.Open();
        var report = await new LinkChecker(fetcher, new LinkCheckOptions { Concurrency = 2, PerHostPause = TimeSpan.Zero }).RunAsync(db, "2022-01-sites");

        Assert.Equal((5, 0), (report!.Checked, report.Broken));
        var requests = Received(tag);
        Assert.Equal(5, requests.Select(r => r.Host).Distinct().Count());
        // The server notes a request answered after it has sent the answer, so on a busy machine the next
        // request may arrive before that note: overlaps of less than 100 ms (of the 300 ms each is held)
        // are a free slot being taken, not a third site at once. Unbounded, all five overlap by ~300 ms.
        var mostAtOnce = requests.Max(r => requests.Count(o => o.Arrived <= r.Arrived && r.Arrived < o.Answered - TimeSpan.FromMilliseconds(100)));
        Assert.Equal(2, mostAtOnce);
    }

    [Fact]
    public async Task With_the_address_rule_on_links_to_this_machine_are_recorded_as_refused_and_never_asked_for()
    {
        var tag = Guid.NewGuid().ToString("N");
        var loopbackOnOtherPort = $"http://127.0.0.1:{server.OtherPort}/hold/0?t={tag}";
        await ImportAsync("2022-01-private",
            server.Url($"/hold/0?t={tag}").AbsoluteUri,
            $"http://127.0.0.2:{server.Port}/hold/0?t={tag}",
            loopbackOnOtherPort,
            server.Url("/go?to=" + Uri.EscapeDataString(loopbackOnOtherPort)).AbsoluteUri);
        // The rule on, with only the fixture's first port exempted, as SafeFetcherTests does: the other
        // port answers too, so a request that got through would show in the server's record.
        using var fetcher = new SafeFetcher(new SafeFetcherOptions { ExemptEndpoints = [new IPEndPoint(IPAddress.Loopback, server.Port)] });

        await using var db = _database.Open();
        var report = await new LinkChecker(fetcher, new LinkCheckOptions { PerHostPause = TimeSpan.Zero }).RunAsync(db, "2022-01-private");

        Assert.Equal((4, 3), (report!.Checked, report.Broken));
        var statuses = await db.LinkStatuses.Join(db.Entries, s => s.EntryId, e => e.Id, (s, e) => new { e.Slug, s.IsBroken, s.StatusCode, s.Problem })
            .ToDictionaryAsync(s => s.Slug);
        Assert.Equal((false, 200), (statuses["2022-01-private-0"].IsBroken, statuses["2022-01-private-0"].StatusCode));
        Assert.Equal("127.0.0.2 is a loopback address, which links may not reach", statuses["2022-01-private-1"].Problem);
        Assert.Equal("127.0.0.1 is a loopback address, which links may not reach", statuses["2022-01-private-2"].Problem);
        Assert.Equal("127.0.0.1 is a loopback address, which links may not reach", statuses["2022-01-private-3"].Problem);
        foreach (var refused in statuses.Values.Where(s => s.Slug != "2022-01-private-0"))
        {
            Assert.Equal((true, (int?)null), (refused.IsBroken, refused.StatusCode));
        }
        // Only the exempted port was asked: the allowed link, and the redirect that pointed elsewhere.
        Assert.DoesNotContain(Received(tag), r => r.LocalPort == server.OtherPort);
        Assert.Equal(["/go", "/hold/0"], Received(tag).Select(r => r.PathAndQuery.Split('?')[0]).Distinct().Order());
    }
}
