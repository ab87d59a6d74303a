using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using NbsRoundup.Discovery;
using NbsRoundup.Testing;
using Xunit.Abstractions;

namespace NbsRoundup.Tests.Discovery;

public class WorldMapTests(ITestOutputHelper output)
{
    private static readonly XNamespace _svg = "http://www.w3.org/2000/svg";

    private static string Href(string code) => "/entries?place=" + code;

    private static XElement Render(IReadOnlyDictionary<string, int> counts, WorldMapTexts? texts = null) =>
        XElement.Parse(WorldMap.Render(counts, Href, texts ?? WorldMapTexts.Chinese));

    [Fact]
    public void A_map_without_entries_draws_the_land_and_links_nothing()
    {
        var svg = Render(new Dictionary<string, int>());
        var land = Assert.Single(svg.Elements(_svg + "path"), p => (string?)p.Attribute("class") == "map-land");
        Assert.True(((string)land.Attribute("d")!).Length > 20_000);
        Assert.Empty(svg.Descendants(_svg + "a"));
        Assert.Equal("各国条目分布", (string?)svg.Attribute("aria-label"));
        Assert.Equal("各国条目分布", svg.Element(_svg + "title")?.Value);
    }

    [Fact]
    public void A_country_with_entries_is_a_link_titled_with_its_name_and_count()
    {
        var counts = new Dictionary<string, int> { ["BZ"] = 3, ["CN"] = 12, ["GB"] = 1 };
        var zh = Render(counts);
        var belize = Assert.Single(zh.Descendants(_svg + "a"), a => (string?)a.Attribute("href") == "/entries?place=BZ");
        Assert.Equal("伯利兹：3 条", belize.Element(_svg + "title")?.Value);
        Assert.StartsWith("map-country map-bin-", (string?)belize.Element(_svg + "path")?.Attribute("class"));

        var en = Render(counts, WorldMapTexts.English);
        Assert.Equal(
            ["Belize: 3 entries", "China: 12 entries", "United Kingdom: 1 entry"],
            en.Descendants(_svg + "a").Select(a => a.Element(_svg + "title")!.Value));
    }

    [Fact]
    public void More_entries_mean_a_higher_bin_and_the_legend_says_the_ranges_in_words()
    {
        var svg = Render(new Dictionary<string, int> { ["BZ"] = 1, ["BR"] = 7, ["CN"] = 60 });
        string BinOf(string code) => (string)svg.Descendants(_svg + "a").Single(a => ((string)a.Attribute("href")!).EndsWith(code, StringComparison.Ordinal)).Element(_svg + "path")!.Attribute("class")!;
        Assert.Equal("map-country map-bin-1", BinOf("BZ"));
        Assert.Equal("map-country map-bin-5", BinOf("CN"));
        Assert.NotEqual(BinOf("BZ"), BinOf("BR"));
        var legend = svg.Elements(_svg + "g").Single(g => (string?)g.Attribute("class") == "map-legend");
        var labels = legend.Elements(_svg + "text").Select(t => t.Value).ToList();
        Assert.Equal("条目数", labels[0]);
        Assert.Equal(["1", "2–3", "4–9", "10–24", "25–60"], labels.Skip(1));
    }

    [Theory]
    [InlineData(1, "1")]
    [InlineData(3, "1|2|3")]
    [InlineData(5, "1|2|3|4|5")]
    [InlineData(6, "1|2|3|4–6")]
    [InlineData(10, "1|2–3|4–9|10")]
    [InlineData(60, "1|2–3|4–9|10–24|25–60")]
    [InlineData(1000, "1|2–9|10–49|50–249|250–1000")]
    public void Bins_cover_every_count_once_in_at_most_five_ranges(int max, string labels)
    {
        var bins = WorldMap.Bins(max);
        Assert.Equal(labels, string.Join('|', bins.Select(b => b.Label)));
        Assert.Equal(1, bins[0].From);
        Assert.Equal(max, bins[^1].To);
        Assert.All(bins.Zip(bins.Skip(1)), p => Assert.Equal(p.First.To + 1, p.Second.From));
    }

    [Fact]
    public void Small_countries_are_dots_and_codes_without_a_shape_are_left_out()
    {
        Assert.True(WorldMap.HasShape("SG"));
        Assert.False(WorldMap.HasShape("AQ"));
        var svg = Render(new Dictionary<string, int> { ["SG"] = 2, ["142"] = 9, ["global"] = 30, ["XX"] = 1, ["FR"] = 0 });
        var link = Assert.Single(svg.Descendants(_svg + "a"));
        Assert.Equal("/entries?place=SG", (string?)link.Attribute("href"));
        Assert.NotNull(link.Element(_svg + "circle"));
        Assert.Equal("新加坡：2 条", link.Element(_svg + "title")?.Value);
    }

    [Fact]
    public void Nothing_in_the_map_needs_inline_styles_or_scripts_and_caller_text_is_escaped()
    {
        var texts = new WorldMapTexts("en", "Map <of> \"entries\"", (name, count) => $"{name} & {count}", "Count");
        var raw = WorldMap.Render(new Dictionary<string, int> { ["BZ"] = 3 }, code => $"/entries?place={code}&q=<x>\"", texts);
        Assert.DoesNotContain("style", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" on", raw, StringComparison.Ordinal);
        Assert.Contains("href=\"/entries?place=BZ&amp;q=&lt;x&gt;&quot;\"", raw, StringComparison.Ordinal);
        var svg = XElement.Parse(raw);
        Assert.Equal("Map <of> \"entries\"", svg.Element(_svg + "title")?.Value);
        Assert.Equal("Belize & 3", svg.Descendants(_svg + "a").Single().Element(_svg + "title")?.Value);
    }

    [Fact]
    public void The_map_stays_small_for_the_seed_issue_and_for_every_country()
    {
        var seed = ContentFiles.Parse(ContentFiles.Vol3).Entries
            .SelectMany(r => r.Tags.Places)
            .Where(WorldMap.HasShape)
            .GroupBy(c => c)
            .ToDictionary(g => g.Key, g => g.Count());
        var every = Places.Countries.Where(c => WorldMap.HasShape(c.Code)).Select((c, i) => (c.Code, Count: 1 + (i * 37 % 200)))
            .ToDictionary(x => x.Code, x => x.Count);
        foreach (var (name, counts) in new[] { ("seed issue", seed), ("every country", every) })
        {
            var raw = Encoding.UTF8.GetBytes(WorldMap.Render(counts, Href, WorldMapTexts.Chinese));
            using var gz = new MemoryStream();
            using (var z = new GZipStream(gz, CompressionLevel.Optimal, leaveOpen: true))
            {
                z.Write(raw);
            }
            output.WriteLine($"{name}: {counts.Count} countries, {raw.Length:N0} bytes, gzip {gz.Length:N0} bytes");
            Assert.True(raw.Length < 100_000, $"{name}: {raw.Length} bytes");
        }
    }
}
