using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;
using NbsRoundup.Web.Areas.Admin;

namespace NbsRoundup.Web.Tests.Areas.Admin.Organisations;

public sealed class OrganisationFormTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    private async Task<T> QueryAsync<T>(Func<CatalogueDb, Task<T>> query)
    {
        using var scope = _portal.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<CatalogueDb>());
    }

    [Fact]
    public async Task Merging_moves_the_entries_keeps_one_link_where_both_were_named_and_turns_the_old_names_into_aliases()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var wwfEntries = await QueryAsync(db => db.Entries.Where(e => e.Organisations.Any(o => o.Organisation.Slug == "wwf")).Select(e => e.Slug).ToListAsync());
        Assert.Contains("cop15-forum-climate-biodiversity", wwfEntries); // names both WWF and TNC
        var form = await Forms.GetAsync(editor, "/admin/organisations/wwf/merge");

        var summary = await Forms.SubmitAsync(editor, form, new() { ["Input.Target"] = "大自然保护协会" });
        var summaryPage = await Forms.ReadAsync(summary);
        Assert.Contains("The Nature Conservancy", summaryPage.QuerySelector("main .notice")!.TextContent);
        Assert.True(await QueryAsync(db => db.Organisations.AnyAsync(o => o.Slug == "wwf")));

        var merged = await Forms.SubmitAsync(editor, new FormPage("/admin/organisations/wwf/merge", summaryPage));

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.False(await QueryAsync(db => db.Organisations.AnyAsync(o => o.Slug == "wwf")));
        var tnc = await QueryAsync(db => db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "tnc"));
        Assert.Superset(new HashSet<string> { "World Wide Fund for Nature", "WWF", "世界自然基金会", "大自然保护协会" }, tnc.Aliases.Select(a => a.Name).ToHashSet());
        foreach (var slug in wwfEntries)
        {
            var links = await QueryAsync(db => db.EntryOrganisations.Where(eo => db.Entries.Any(e => e.Id == eo.EntryId && e.Slug == slug) && eo.OrganisationId == tnc.Id).CountAsync());
            Assert.Equal(1, links);
        }
        var forum = await QueryAsync(db => db.Entries.Where(e => e.Slug == "cop15-forum-climate-biodiversity")
            .Select(e => e.Organisations.OrderBy(o => o.Position).Select(o => o.Position).ToList()).SingleAsync());
        Assert.Equal(Enumerable.Range(0, forum.Count), forum);
        using var reader = _portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal("/organisations/tnc", (await reader.GetAsync("/organisations/WWF")).Headers.Location!.OriginalString);
        Assert.Contains("Merged organisation wwf into tnc", DatabaseDump.Of(_portal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_organisation_cannot_be_merged_into_itself_or_into_nobody()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, "/admin/organisations/wwf/merge");

        var itself = await Forms.ReadAsync(await Forms.SubmitAsync(editor, form, new() { ["Input.Target"] = "世界自然基金会" }));
        var nobody = await Forms.ReadAsync(await Forms.SubmitAsync(editor, form, new() { ["Input.Target"] = "不存在的机构" }));

        Assert.Equal("请选择另一个机构。", Forms.Message(itself, "Input.Target"));
        Assert.Equal("没有使用这个名称的机构。", Forms.Message(nobody, "Input.Target"));
        Assert.True(await QueryAsync(db => db.Organisations.AnyAsync(o => o.Slug == "wwf")));
    }

    [Fact]
    public async Task Names_and_aliases_are_edited_and_a_name_of_another_organisation_is_refused()
    {
        using var editor = await Editors.SignInAsync(_portal);
        var form = await Forms.GetAsync(editor, "/admin/organisations/wri/edit");
        Assert.Equal("世界资源研究所", form.Document.QuerySelector("textarea")!.TextContent.Trim());

        var taken = await Forms.SubmitAsync(editor, form, new() { ["Input.Aliases"] = "世界资源研究所\nTNC" });
        Assert.Contains("“TNC”已是 The Nature Conservancy 的名称", Forms.Message(await Forms.ReadAsync(taken), "Input.Aliases"));

        var saved = await Forms.SubmitAsync(editor, form, new() { ["Input.ShortName"] = "WRI", ["Input.Aliases"] = "World Resources Institute China\n世界资源研究所北京代表处" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var wri = await QueryAsync(db => db.Organisations.Include(o => o.Aliases).SingleAsync(o => o.Slug == "wri"));
        Assert.Equal(["World Resources Institute China", "世界资源研究所北京代表处"], wri.Aliases.Select(a => a.Name).Order(StringComparer.Ordinal));
        var history = await Forms.GetAsync(await Editors.SignInAsync(_portal, "Admin"), "/admin/history");
        Assert.Contains("Edited organisation wri", history.Document.QuerySelector(".change .description")!.TextContent);
    }

    [Fact]
    public async Task The_type_ahead_lists_organisations_matching_any_of_their_names()
    {
        using var editor = await Editors.SignInAsync(_portal);

        var byAlias = await editor.GetFromJsonAsync<List<OrganisationSuggestion>>("/admin/api/organisations?q=大自然");
        var byShort = await editor.GetFromJsonAsync<List<OrganisationSuggestion>>("/admin/api/organisations?q=iucn");

        Assert.Equal("tnc", Assert.Single(byAlias!).Slug);
        Assert.Equal("iucn", byShort![0].Slug);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _portal.CreateClient(new() { AllowAutoRedirect = false }).GetAsync("/admin/api/organisations?q=iucn")).StatusCode);
    }

    [Fact]
    public async Task A_stale_organisation_save_shows_both_versions_and_overwrites_nothing()
    {
        using var first = await Editors.SignInAsync(_portal);
        using var second = await Editors.SignInAsync(_portal);
        var firstForm = await Forms.GetAsync(first, "/admin/organisations/wri/edit");
        var secondForm = await Forms.GetAsync(second, "/admin/organisations/wri/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.SubmitAsync(first, firstForm, new() { ["Input.Aliases"] = "世界资源研究所\nWRI China" })).StatusCode);
        var before = DatabaseDump.Of(_portal);

        var stale = await Forms.SubmitAsync(second, secondForm, new() { ["Input.Name"] = "World Resources Institute (WRI)" });

        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(before, DatabaseDump.Of(_portal));
        var rows = (await Forms.ReadAsync(stale)).QuerySelectorAll(".conflict tbody tr").Select(r => r.QuerySelector("th")!.TextContent).ToList();
        Assert.Equal(["名称", "其他名称"], rows);
    }
}
