using NbsRoundup.Catalogue;
using NbsRoundup.Discovery;
using NbsRoundup.Rendering;
using NbsRoundup.Testing;

namespace NbsRoundup.Tests.Discovery;

public class GlossaryTests
{
    [Fact]
    public void The_glossary_has_at_least_300_terms() => Assert.True(Glossary.Terms.Count >= 300, $"{Glossary.Terms.Count} terms");

    [Theory]
    [InlineData("wetland", "湿地")]
    [InlineData("Wetlands", "湿地")]
    [InlineData("MANGROVES", "红树林")]
    [InlineData("peatland", "泥炭地")]
    [InlineData("salt marshes", "盐沼")]
    [InlineData("net-zero", "净零")]
    [InlineData("NDCs", "国家自主贡献")]
    [InlineData("voluntary carbon market", "自愿碳市场")]
    [InlineData("nature-based solutions", "基于自然的解决方案")]
    [InlineData("nature based solution", "基于自然的解决方案")]
    [InlineData("NbS", "基于自然的解决方案")]
    [InlineData("ecological conservation redline", "生态保护红线")]
    [InlineData("Belize", "伯利兹")]
    public void An_English_query_expands_into_Chinese(string query, string chinese)
    {
        var expansion = Glossary.Expand(query);
        var match = Assert.Single(expansion.Matches);
        Assert.Equal(GlossaryLanguage.English, match.Language);
        Assert.Equal(query, match.Text);
        Assert.Contains(chinese, match.Translations);
        Assert.Contains(chinese, expansion.ExpandedWith);
    }

    [Theory]
    [InlineData("碳达峰", "carbon peaking")]
    [InlineData("碳中和", "carbon neutrality")]
    [InlineData("湿地", "wetland")]
    [InlineData("基于自然解决方案", "NbS")]
    [InlineData("基于自然的解决方案", "nature-based solutions")]
    [InlineData("生态文明", "ecological civilization")]
    [InlineData("生态保护红线", "ecological conservation redline")]
    [InlineData("国土空间生态修复", "territorial spatial ecological restoration")]
    [InlineData("山水林田湖草沙", "mountains, rivers, forests, farmlands, lakes, grasslands and deserts")]
    [InlineData("原住民和当地社区", "IPLCs")]
    [InlineData("大自然保护协会", "TNC")]
    [InlineData("世界自然保护联盟", "IUCN")]
    [InlineData("世界自然基金会", "WWF")]
    [InlineData("后 2020 全球生物多样性框架", "post-2020 global biodiversity framework")]
    public void A_Chinese_query_expands_into_English(string query, string english)
    {
        var match = Assert.Single(Glossary.Expand(query).Matches);
        Assert.Equal(GlossaryLanguage.Chinese, match.Language);
        Assert.Contains(english, match.Equivalents);
    }

    [Fact]
    public void Nature_based_solutions_NbS_and_the_Chinese_name_find_each_other()
    {
        var english = Assert.Single(Glossary.Expand("nature-based solutions").Matches);
        Assert.Contains("NbS", english.Variants);
        Assert.Contains("基于自然的解决方案", english.Translations);
        var chinese = Assert.Single(Glossary.Expand("基于自然的解决方案").Matches);
        Assert.Contains("NbS", chinese.Translations);
        Assert.Contains("基于自然解决方案", chinese.Variants);
    }

    [Fact]
    public void The_longest_term_wins_where_terms_overlap()
    {
        Assert.Equal("湿地公约", Assert.Single(Glossary.Expand("湿地公约").Matches).Term.Chinese[0]);
        Assert.Equal("salt marsh restoration", Assert.Single(Glossary.Expand("salt marsh restoration").Matches).Term.English[0]);
        // 发展中国家 is developing countries, not China.
        Assert.Equal("developing countries", Assert.Single(Glossary.Expand("发展中国家").Matches).Term.English[0]);
    }

    [Fact]
    public void Several_terms_are_found_in_query_order_with_their_place_in_the_query()
    {
        const string query = "红树林修复 and blue carbon finance";
        var matches = Glossary.Expand(query).Matches;
        Assert.Equal(["红树林修复", "blue carbon", "finance"], matches.Select(m => m.Text));
        Assert.All(matches, m => Assert.Equal(m.Text, query.Substring(m.Start, m.Length)));
    }

    [Fact]
    public void Chinese_terms_are_found_across_spaces_and_book_title_marks()
    {
        var match = Assert.Single(Glossary.Expand("《巴黎协定》第六条").Matches);
        Assert.Equal("巴黎协定》第六条", match.Text);
        Assert.Contains("Article 6 of the Paris Agreement", match.Translations);
        Assert.Equal("湿 地", Assert.Single(Glossary.Expand("湿 地").Matches).Text);
    }

    [Fact]
    public void What_the_query_already_says_is_not_added_again()
    {
        var expansion = Glossary.Expand("wetland 湿地");
        Assert.Equal(2, expansion.Matches.Count);
        Assert.Empty(expansion.ExpandedWith);
    }

    [Fact]
    public void Variants_leave_out_plurals_and_case_of_what_was_typed()
    {
        var match = Assert.Single(Glossary.Expand("Wetlands").Matches);
        Assert.Empty(match.Variants);
        Assert.Equal(["湿地"], match.Equivalents);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("hello there")]
    [InlineData("grass")]
    [InlineData("us")]
    [InlineData("turkey sandwich")]
    [InlineData("湿")]
    [InlineData("研究报告")]
    public void A_query_without_glossary_terms_expands_to_nothing(string? query)
    {
        var expansion = Glossary.Expand(query);
        Assert.True(expansion.IsEmpty);
        Assert.Empty(expansion.ExpandedWith);
    }

    [Fact]
    public void Every_row_is_well_formed()
    {
        var forms = new Dictionary<string, GlossaryTerm>();
        foreach (var term in Glossary.Terms)
        {
            Assert.NotEmpty(term.English);
            Assert.NotEmpty(term.Chinese);
            Assert.NotEmpty(term.Sources);
            Assert.All(term.English, f => Assert.False(Names.HasCjk(f), $"English form with Chinese: {f}"));
            Assert.All(term.Chinese, f => Assert.True(Names.HasCjk(f), $"Chinese form without Chinese: {f}"));
            Assert.All(term.Topics, t => Assert.NotNull(Topics.ByKey(t)));
            Assert.All(term.Places, p => Assert.NotNull(Places.ByCode(p)));
            Assert.All(term.Sources, s => Assert.True(Glossary.Sources.ContainsKey(s), $"undefined source {s} of {term.English[0]}"));
            foreach (var form in term.English.Concat(term.Chinese))
            {
                // A form two terms share would expand one query two ways.
                var match = Assert.Single(Glossary.Find(form));
                Assert.Same(term, match.Term);
                forms[form] = term;
            }
        }
    }

    [Theory]
    [InlineData("湿地")]
    [InlineData("红树林")]
    [InlineData("泥炭地")]
    [InlineData("盐沼")]
    [InlineData("海草床")]
    [InlineData("珊瑚礁")]
    [InlineData("滩涂")]
    [InlineData("毁林")]
    [InlineData("造林")]
    [InlineData("碳汇")]
    [InlineData("固碳")]
    [InlineData("净零")]
    [InlineData("碳达峰")]
    [InlineData("碳中和")]
    [InlineData("国家自主贡献")]
    [InlineData("国家适应计划")]
    [InlineData("基于生态系统的适应")]
    [InlineData("自然气候解决方案")]
    [InlineData("自然基础设施")]
    [InlineData("气候韧性")]
    [InlineData("生态保护红线")]
    [InlineData("以国家公园为主体的自然保护地体系")]
    [InlineData("山水林田湖草沙")]
    [InlineData("生态文明")]
    [InlineData("昆明宣言")]
    [InlineData("格拉斯哥气候公约")]
    [InlineData("巴黎协定")]
    [InlineData("全球盘点")]
    [InlineData("原住民和当地社区")]
    [InlineData("自愿碳市场")]
    [InlineData("碳信用额")]
    [InlineData("债权转换")]
    [InlineData("多边发展银行")]
    [InlineData("社会资本")]
    [InlineData("混农林")]
    [InlineData("再生农业")]
    [InlineData("土壤健康")]
    [InlineData("食物系统")]
    [InlineData("风暴潮")]
    [InlineData("城市洪涝")]
    [InlineData("生物多样性丧失")]
    [InlineData("拉姆萨尔湿地公约")]
    [InlineData("联合国防治荒漠化公约")]
    [InlineData("可持续发展目标")]
    public void The_newsletter_vocabulary_is_covered(string term)
    {
        var text = ContentFiles.Text(ContentFiles.Vol3);
        Assert.Contains(term, text);
        var match = Assert.Single(Glossary.Expand(term).Matches);
        Assert.Equal(term, match.Text);
        Assert.NotEmpty(match.Translations);
    }

    [Theory]
    [InlineData("wetland", "湿地")]
    [InlineData("carbon peaking", "碳达峰")]
    [InlineData("nature-based solutions", "NbS")]
    [InlineData("mangroves", "红树林")]
    [InlineData("deforestation", "毁林")]
    public void An_English_query_reaches_entries_that_use_only_the_Chinese_word(string query, string word)
    {
        var doc = ContentFiles.Parse(ContentFiles.Vol3);
        var texts = doc.Entries.Select(e => $"{e.Content.Title} {e.Content.OriginalTitle} {MarkdownRenderer.ToPlainText(e.Content.Summary)}").ToList();
        var onlyChinese = texts
            .Where(t => t.Contains(word, StringComparison.Ordinal) && !t.Contains(query, StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.NotEmpty(onlyChinese);
        var phrases = Glossary.Expand(query).ExpandedWith;
        Assert.All(onlyChinese, t => Assert.Contains(phrases, p => t.Contains(p, StringComparison.OrdinalIgnoreCase)));
    }
}
