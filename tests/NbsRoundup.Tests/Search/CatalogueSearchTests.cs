using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

/// <summary>Search on the real 2021-11 issue.</summary>
public class CatalogueSearchTests(CatalogueFixture catalogue) : IClassFixture<CatalogueFixture>
{
    private async Task<SearchResult> SearchAsync(params (string Name, string Value)[] parameters)
    {
        var (query, errors) = CatalogueQuery.Parse(name => parameters.Where(p => p.Name == name).Select(p => p.Value).ToList());
        Assert.Empty(errors);
        await using var db = catalogue.Database.Open();
        var result = await new CatalogueSearch(db).RunAsync(query with { PageSize = 100 });
        Assert.Empty(result.Errors);
        return result;
    }

    private async Task<List<string>> SlugsAsync(params (string, string)[] parameters) =>
        (await SearchAsync(parameters)).Items.Select(i => i.Slug).ToList();

    [Theory]
    [InlineData("湿地")]
    [InlineData("碳汇")]
    [InlineData("毁林")]
    [InlineData("红树林")]
    [InlineData("泥炭地")]
    public async Task Chinese_words_find_every_entry_that_contains_them(string word)
    {
        // As typed: without the glossary's English equivalents (deforestation for 毁林).
        var result = await SearchAsync(("q", word), ("exact", "true"));

        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, i => Assert.Contains(word, i.Title + i.OriginalTitle + i.Summary));
        await using var db = catalogue.Database.Open();
        var expected = db.Entries.AsEnumerable().Count(e => (e.Title + e.OriginalTitle + e.Summary).Contains(word, StringComparison.Ordinal));
        Assert.Equal(expected, result.Total);
    }

    [Fact]
    public async Task Mangrove_entries_are_found_by_the_three_character_word()
    {
        var slugs = await SlugsAsync(("q", "红树林"));
        Assert.Contains("mangrove-ecological-restoration-handbook", slugs);
        Assert.Contains("state-of-the-worlds-mangroves", slugs);
    }

    [Fact]
    public async Task A_single_character_finds_its_entries()
    {
        var result = await SearchAsync(("q", "汇"));
        Assert.Contains("global-areas-biodiversity-carbon-water", result.Items.Select(i => i.Slug));
        Assert.All(result.Items, i => Assert.Contains("汇", i.Title + i.OriginalTitle + i.Summary + i.Speaker + string.Join("", i.Organisations.Select(o => o.Name))));
    }

    [Theory]
    [InlineData("mangroves")]
    [InlineData("Mangrove")]
    [InlineData("MANGROVES")]
    public async Task English_is_case_insensitive_and_plurals_fold(string word) =>
        Assert.Contains("state-of-the-worlds-mangroves", await SlugsAsync(("q", word)));

    [Theory]
    [InlineData("net-zero")]
    [InlineData("net zero")]
    [InlineData("Net-Zero")]
    public async Task Hyphenated_words_match_with_or_without_the_hyphen(string words)
    {
        var slugs = await SlugsAsync(("q", words));
        Assert.Contains("corporate-net-zero-standard", slugs);
        Assert.Contains("terrestrial-nbs-uk-net-zero", slugs);
    }

    [Fact]
    public async Task Several_words_must_all_match()
    {
        var either = (await SlugsAsync(("q", "红树林"))).Union(await SlugsAsync(("q", "TNC"))).ToList();
        var both = await SlugsAsync(("q", "红树林 TNC"));

        Assert.NotEmpty(both);
        Assert.True(both.Count < either.Count);
        Assert.All(both, slug => Assert.Contains(slug, either));
    }

    [Fact]
    public async Task Title_matches_rank_above_summary_matches()
    {
        var slugs = await SlugsAsync(("q", "红树林"), ("sort", "relevance"));
        // Both mangrove reports have 红树林 in the title; the infrastructure report mentions it only in passing.
        Assert.Equal(["mangrove-ecological-restoration-handbook", "state-of-the-worlds-mangroves"], slugs.Take(2).Order());
        Assert.Contains("wri-climate-resilient-infrastructure-china", slugs.Skip(2));
    }

    [Fact]
    public async Task Authors_speakers_and_organisation_aliases_are_searchable()
    {
        Assert.Contains("pettorelli-climate-biodiversity-science-policy-agendas", await SlugsAsync(("q", "Pettorelli")));
        Assert.Contains("cop26-view-laurence-tubiana", await SlugsAsync(("q", "Tubiana")));
        // The Foodscales report names "TNC"; searching its Chinese name finds it too.
        Assert.Contains("tnc-foodscales-food-system-transition", await SlugsAsync(("q", "大自然保护协会")));
    }

    [Theory]
    [InlineData("TNC")]
    [InlineData("The Nature Conservancy")]
    [InlineData("大自然保护协会")]
    [InlineData("tnc")]
    public async Task An_organisation_filter_accepts_any_of_its_names(string name)
    {
        var slugs = await SlugsAsync(("organisation", name));
        Assert.Equal(await SlugsAsync(("organisation", "tnc")), slugs);
        Assert.Contains("cop15-forum-climate-biodiversity", slugs);
        Assert.Equal(6, slugs.Count);
    }

    [Fact]
    public async Task Partial_dates_filter_by_overlap()
    {
        var slugs = await SlugsAsync(("from", "2021-11-05"), ("to", "2021-11-20"));

        Assert.Contains("global-areas-biodiversity-carbon-water", slugs);        // "11 月": the whole month overlaps
        Assert.Contains("unep-iucn-nbs-climate-mitigation", slugs);             // 11月5日
        Assert.Contains("wri-climate-resilient-infrastructure-china", slugs);    // 11月9日
        Assert.DoesNotContain("afi-finance-sector-deforestation-roadmap", slugs); // 11月3日
        Assert.DoesNotContain("corporate-net-zero-standard", slugs);            // 10月
        Assert.DoesNotContain("event-road-to-kunming-central-asia", slugs);     // 11月24日
    }

    [Theory]
    [InlineData("2021", "2021")]
    [InlineData("2021-09", "2021-09")]
    [InlineData("2021-09-30", "2021-09-30")]
    public async Task Each_precision_of_a_bound_selects_its_whole_span(string from, string to)
    {
        var result = await SearchAsync(("from", from), ("to", to));
        await using var db = catalogue.Database.Open();
        var start = DateOnly.Parse(from.Length == 4 ? from + "-01-01" : from.Length == 7 ? from + "-01" : from, System.Globalization.CultureInfo.InvariantCulture);
        var bound = from.Length == 4 ? start.AddYears(1).AddDays(-1) : from.Length == 7 ? start.AddMonths(1).AddDays(-1) : start;
        var overlapping = db.Entries.AsEnumerable().Count(e => e.DateStart <= bound && e.DateEnd >= start);
        Assert.True(overlapping > 0);
        Assert.Equal(overlapping, result.Total);
    }

    [Fact]
    public async Task Facet_counts_add_up_to_the_total()
    {
        var result = await SearchAsync(("q", "NbS"));

        Assert.Equal(result.Total, result.Facets!.Sections.Sum(s => s.Count));
        Assert.Equal(result.Total, result.Facets.Months.Sum(m => m.Count));
        Assert.All(result.Facets.Organisations, o => Assert.InRange(o.Count, 1, result.Total));
    }

    [Fact]
    public async Task Facets_narrow_to_exactly_their_count()
    {
        var all = await SearchAsync(("q", "NbS"));
        foreach (var section in all.Facets!.Sections)
        {
            Assert.Equal(section.Count, (await SearchAsync(("q", "NbS"), ("section", section.Key!))).Total);
        }
        var month = all.Facets.Months.First(m => m.Key is { Length: 7 });
        Assert.Equal(month.Count, (await SearchAsync(("q", "NbS"), ("from", month.Key!), ("to", month.Key!))).Total
            - (await SearchAsync(("q", "NbS"), ("from", month.Key!), ("to", month.Key!))).Items.Count(i => i.DateMonth is null));
    }

    [Fact]
    public async Task Date_sort_puts_the_newest_first_and_undated_last()
    {
        var items = (await SearchAsync()).Items;
        Assert.Equal(70, items.Count);
        var dated = items.TakeWhile(i => i.DateYear is not null).ToList();
        Assert.All(items.Skip(dated.Count), i => Assert.Null(i.DateYear));
        Assert.Equal(dated.Select(i => i.Date!.Start).OrderDescending(), dated.Select(i => i.Date!.Start));
    }

    [Fact]
    public async Task Drafts_are_never_found()
    {
        await using (var db = catalogue.Database.Open())
        {
            var entry = db.Entries.Single(e => e.Slug == "state-of-the-worlds-mangroves");
            entry.Unpublish();
            await db.SaveChangesAsync();
        }
        try
        {
            Assert.DoesNotContain("state-of-the-worlds-mangroves", await SlugsAsync(("q", "mangroves")));
        }
        finally
        {
            await using var db = catalogue.Database.Open();
            db.Entries.Single(e => e.Slug == "state-of-the-worlds-mangroves").Publish();
            await db.SaveChangesAsync();
        }
    }

    [Fact]
    public async Task Unpublishing_an_issue_takes_its_entries_out_of_search_and_publishing_brings_them_back()
    {
        var before = await SlugsAsync(("q", "红树林"));
        Assert.NotEmpty(before);
        await using (var db = catalogue.Database.Open())
        {
            db.Issues.Single().Unpublish();
            await db.SaveChangesAsync();
        }
        try
        {
            Assert.Empty(await SlugsAsync(("q", "红树林")));
            Assert.Empty(await SlugsAsync());
        }
        finally
        {
            await using var db = catalogue.Database.Open();
            db.Issues.Single().Publish();
            await db.SaveChangesAsync();
        }
        Assert.Equal(before, await SlugsAsync(("q", "红树林")));
    }

    [Fact]
    public async Task An_edit_is_searchable_as_soon_as_it_is_saved()
    {
        await using (var db = catalogue.Database.Open())
        {
            var entry = db.Entries.Single(e => e.Slug == "ramsar-cop14-wuhan");
            entry.Update(entry.Content with { Summary = entry.Content.Summary + " 珊瑚礁" });
            await db.SaveChangesAsync();
        }
        Assert.Contains("ramsar-cop14-wuhan", await SlugsAsync(("q", "珊瑚礁")));
    }
}
