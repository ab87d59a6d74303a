using System.Net;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>Behind nginx: the reader's address and scheme come from the named proxy's headers, and from no one else's.</summary>
public sealed class ReverseProxyTests : IDisposable
{
    private const string Proxy = "192.0.2.10";

    private readonly ConfiguredPortal _portal = new("Production",
        ("Hosting:KnownProxies:0", Proxy),
        ("RateLimits:Search:PermitLimit", "2"), ("RateLimits:Search:WindowSeconds", "60"));

    public void Dispose() => _portal.Dispose();

    private async Task<HttpStatusCode> SearchAsync(string from, string? forwardedFor, string forwardedProto = "https")
    {
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/entries?q=湿地");
        request.Headers.Add(ConfiguredPortal.ClientHeader, from);
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task Readers_behind_the_proxy_are_limited_each_by_their_own_address()
    {
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(Proxy, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(Proxy, "198.51.100.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync(Proxy, "198.51.100.7"));

        // Another reader through the same proxy still searches.
        Assert.Equal(HttpStatusCode.OK, await SearchAsync(Proxy, "198.51.100.8"));
    }

    [Fact]
    public async Task A_forwarded_address_from_anyone_but_the_proxy_is_ignored()
    {
        // A client that is not the proxy cannot escape its limit by naming a new address each time.
        Assert.Equal(HttpStatusCode.OK, await SearchAsync("203.0.113.5", "198.51.100.21"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync("203.0.113.5", "198.51.100.22"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync("203.0.113.5", "198.51.100.23"));
    }

    [Fact]
    public async Task Forms_work_over_the_proxy_that_ends_tls()
    {
        // nginx speaks plain http to the portal; the https cookies of a sign-in form need to know the reader used https.
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add(ConfiguredPortal.ClientHeader, Proxy);
        request.Headers.Add("X-Forwarded-For", "198.51.100.9");
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_proxy_that_is_not_an_address_stops_the_start_with_its_key()
    {
        using var portal = new ConfiguredPortal("Production", ("Hosting:KnownProxies:0", "nginx.local"));

        var error = Assert.Throws<InvalidOperationException>(() => portal.Services);

        Assert.Contains("Hosting:KnownProxies:0", error.Message, StringComparison.Ordinal);
    }
}
