using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Pages;

/// <summary>
/// An organisation named only by drafts is as invisible to readers as the drafts: no list, page,
/// API answer, sitemap, facet or filter of the catalogue gives its name away.
/// </summary>
public sealed class OrganisationVisibilityTests : IClassFixture<OrganisationVisibilityTests.DraftPortal>
{
    private const string Name = "秘密基金会";
    private readonly DraftPortal _portal;

    public OrganisationVisibilityTests(DraftPortal portal) => _portal = portal;

    /// <summary>The portal after an editor saved a draft entry naming a new organisation.</summary>
    public sealed class DraftPortal : PortalFactory, IAsyncLifetime
    {
        public string Slug { get; private set; } = "";

        public async Task InitializeAsync()
        {
            using var editor = await Editors.SignInAsync(this);
            var form = await Forms.GetAsync(editor, "/admin/issues/2021-11/entries/new?section=policy");
            var saved = await Forms.SubmitAsync(editor, form, new()
            {
                ["Input.Title"] = "尚未发布的条目", ["Input.Organisations"] = Name + "; TNC", ["Input.Draft"] = "true", ["Input.Slug"] = "unpublished-entry",
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            using var scope = Services.CreateScope();
            Slug = await scope.ServiceProvider.GetRequiredService<CatalogueDb>().Organisations.Where(o => o.Name == Name).Select(o => o.Slug).SingleAsync();
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/organisations")]
    [InlineData("/api/organisations")]
    [InlineData("/sitemap.xml")]
    [InlineData("/entries")]
    [InlineData("/entries?q=条目")]
    [InlineData("/api/entries?pageSize=100")]
    public async Task Lists_sitemap_and_facets_do_not_name_it(string url)
    {
        var (status, body) = await GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain(Name, body);
        Assert.DoesNotContain("/organisations/" + _portal.Slug, body);
        Assert.Contains(url.StartsWith("/api", StringComparison.Ordinal) || url.EndsWith(".xml", StringComparison.Ordinal) ? "tnc" : "TNC", body);
    }

    [Fact]
    public async Task Its_page_and_its_name_are_not_found()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/organisations/" + _portal.Slug)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("/organisations/" + Uri.EscapeDataString(Name))).Status);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/organisations/tnc")).Status);
    }

    [Theory]
    [InlineData("/entries?organisation=")]
    [InlineData("/api/entries?organisation=")]
    [InlineData("/entries/export.csv?organisation=")]
    public async Task Filtering_by_it_answers_as_for_a_name_nobody_has(string url)
    {
        var secret = await GetAsync(url + Uri.EscapeDataString(Name));
        var nobody = await GetAsync(url + Uri.EscapeDataString("无此机构"));

        Assert.Equal(nobody.Status, secret.Status);
        Assert.Equal(Without(nobody.Body, "无此机构"), Without(secret.Body, Name));
    }

    /// <summary>The answer without the name asked for (as written, or in an address) and the request's trace id.</summary>
    private static string Without(string body, string name) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "")
            .Replace(Uri.EscapeDataString(Uri.EscapeDataString(name)), "", StringComparison.Ordinal)
            .Replace(Uri.EscapeDataString(name), "", StringComparison.Ordinal)
            .Replace(name, "", StringComparison.Ordinal);
}
