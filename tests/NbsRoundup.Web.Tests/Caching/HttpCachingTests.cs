using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Caching;

public class HttpCachingTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_page_carries_an_etag_and_a_repeat_visit_gets_304()
    {
        using var client = portal.CreateClient();
        var first = await client.GetAsync("/issues/2021-11");
        var etag = first.Headers.ETag!;
        Assert.Equal("no-cache", first.Headers.CacheControl!.ToString());
        Assert.NotNull(first.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/issues/2021-11");
        again.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task If_modified_since_the_last_change_gets_304()
    {
        using var client = portal.CreateClient();
        var first = await client.GetAsync("/sections/cop26");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/sections/cop26");
        again.Headers.IfModifiedSince = first.Content.Headers.LastModified;

        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task After_a_change_the_old_etag_no_longer_matches()
    {
        using var client = portal.CreateClient();
        var etag = (await client.GetAsync("/entries/state-of-the-worlds-mangroves")).Headers.ETag!;
        using (var scope = portal.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            var entry = await db.Entries.SingleAsync(e => e.Slug == "state-of-the-worlds-mangroves");
            entry.Update(entry.Content with { Summary = entry.Content.Summary + "（已更新）" });
            await db.SaveChangesAsync();
        }
        using var again = new HttpRequestMessage(HttpMethod.Get, "/entries/state-of-the-worlds-mangroves");
        again.Headers.IfNoneMatch.Add(etag);
        var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("（已更新）", await response.Content.ReadAsStringAsync());
        Assert.NotEqual(etag, response.Headers.ETag);
    }

    [Theory]
    [InlineData("/issues/2021-11", "br")]
    [InlineData("/api/entries?q=湿地", "br")]
    [InlineData("/entries/export.csv", "br")]
    [InlineData("/entries/export.bib", "gzip")]
    [InlineData("/feed", "gzip")]
    [InlineData("/api/issues/2021-11", "gzip")]
    public async Task Html_json_csv_and_feeds_are_compressed(string url, string encoding)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([encoding], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task Editors_pages_are_not_compressed()
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

        var response = await client.SendAsync(request);

        Assert.Empty(response.Content.Headers.ContentEncoding);
    }
}

/// <summary>In production, stylesheets and scripts are fingerprinted and cached for a year.</summary>
public sealed class StaticAssetTests : IDisposable
{
    private readonly ProductionPortal _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task The_stylesheet_has_a_fingerprinted_address_cached_for_a_year()
    {
        using var client = _portal.CreateClient();
        var html = await client.GetStringAsync("/");
        var href = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(href);

        var css = await client.GetAsync(href);

        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Contains("immutable", css.Headers.CacheControl!.ToString());
        Assert.Equal(TimeSpan.FromDays(365), css.Headers.CacheControl.MaxAge);
    }

    private sealed class ProductionPortal : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("Site:PublicUrl", "https://localhost"); // required outside Development
        }
    }
}
