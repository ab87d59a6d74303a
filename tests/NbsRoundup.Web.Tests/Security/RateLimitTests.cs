using System.Net;

namespace NbsRoundup.Web.Tests.Security;

public sealed class RateLimitTests : IDisposable
{
    // Low limits of this test's own: three searches and two sign-in attempts a minute per client.
    private readonly ConfiguredPortal _portal = new("Development",
        ("RateLimits:Search:PermitLimit", "3"), ("RateLimits:Search:WindowSeconds", "60"),
        ("RateLimits:SignIn:PermitLimit", "2"), ("RateLimits:SignIn:WindowSeconds", "60"));

    public void Dispose() => _portal.Dispose();

    private HttpClient Client(string address)
    {
        var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(ConfiguredPortal.ClientHeader, address);
        return client;
    }

    [Fact]
    public async Task Search_past_the_limit_is_answered_429_with_retry_after_not_503()
    {
        using var client = Client("198.51.100.1");

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entries?q=湿地")).StatusCode);
        }
        var refused = await client.GetAsync("/entries?q=湿地");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Contains("请求过多", await refused.Content.ReadAsStringAsync());
        // Reading issues and entries is not searching: it goes on.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/issues/2021-11")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entries/corporate-net-zero-standard")).StatusCode);
    }

    [Theory]
    [InlineData("/api/entries?q=wetland")]
    [InlineData("/api/issues")]
    [InlineData("/entries/export.csv")]
    [InlineData("/entries/export.bib?q=net-zero")]
    [InlineData("/entries/feed?section=research")]
    public async Task The_api_exports_and_feeds_share_the_search_limit(string url)
    {
        using var client = Client("198.51.100.2");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entries?page=" + (i + 1))).StatusCode);
        }

        var refused = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        if (url.StartsWith("/api", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        }
    }

    [Fact]
    public async Task Each_client_address_has_its_own_allowance()
    {
        using var greedy = Client("198.51.100.3");
        using var other = Client("198.51.100.4");
        for (var i = 0; i < 4; i++)
        {
            await greedy.GetAsync("/api/entries");
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await greedy.GetAsync("/api/entries")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/entries")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_past_the_limit_are_answered_429_even_with_the_right_password()
    {
        await Editors.CreateAsync(_portal, "limited@example.org", "Editor");
        using var client = Client("198.51.100.5");

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Editors.SignInAsync(client, "limited@example.org", "wrong password " + i)).StatusCode);
        }
        var refused = await Editors.SignInAsync(client, "limited@example.org", Editors.Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // not signed in
        // The form itself still shows, and another address may still sign in.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/sign-in")).StatusCode);
        using var colleague = Client("198.51.100.6");
        Assert.Equal(HttpStatusCode.Redirect, (await Editors.SignInAsync(colleague, "limited@example.org", Editors.Password)).StatusCode);
    }

    [Fact]
    public void The_defaults_are_generous_for_readers_and_strict_for_sign_in()
    {
        var defaults = new NbsRoundup.Web.Hosting.RateLimitOptions();

        Assert.True(defaults.Search.PermitLimit * 60 / defaults.Search.WindowSeconds >= 300, "a reader may search several times a second");
        Assert.True(defaults.SignIn.PermitLimit * 60 / defaults.SignIn.WindowSeconds <= 10, "at most ten guesses a minute from one address");
    }
}
