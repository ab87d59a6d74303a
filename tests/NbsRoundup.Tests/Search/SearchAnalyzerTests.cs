using NbsRoundup.Search;

namespace NbsRoundup.Tests.Search;

public class SearchAnalyzerTests
{
    [Fact]
    public void Chinese_runs_become_overlapping_bigrams() =>
        Assert.Equal("红树 树林 生态 态修 修复", SearchAnalyzer.Words("红树林《生态修复》"));

    [Fact]
    public void Latin_words_are_lower_cased_stemmed_and_split_at_hyphens() =>
        Assert.Equal("corporate net zero standard", SearchAnalyzer.Words("Corporate Net-zero Standards"));

    [Fact]
    public void Mixed_text_keeps_both_kinds() =>
        Assert.Equal("使用 nbs 来提 提升", SearchAnalyzer.Words("使用 NbS 来提升"));

    [Fact]
    public void Characters_are_every_chinese_character() =>
        Assert.Equal("湿 地 林", SearchAnalyzer.Characters("湿地 and 林"));

    [Theory]
    [InlineData("mangroves", "mangrove")]
    [InlineData("policies", "policy")]
    [InlineData("NDCs", "ndc")]
    [InlineData("world's", "world")]
    [InlineData("grass", "grass")]
    [InlineData("status", "status")]
    [InlineData("basis", "basis")]
    public void Plurals_and_possessives_fold(string word, string stem) => Assert.Equal(stem, EnglishStemmer.Stem(word));

    [Fact]
    public void A_keyword_query_is_an_and_of_quoted_phrases()
    {
        var query = KeywordQuery.Parse("红树林 net-zero 林")!;
        Assert.Equal(
            "{title original summary people organisations} : \"红树 树林\" AND {title original summary people organisations} : \"net zero\" AND {chars_title chars_body} : \"林\"",
            query.MatchExpression);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("《》，。")]
    public void Punctuation_alone_is_no_query(string q) => Assert.Null(KeywordQuery.Parse(q));

    [Fact]
    public void Fts_syntax_typed_by_a_user_stays_text()
    {
        var query = KeywordQuery.Parse("NEAR(a b) OR \"x* -y:")!;
        var outsideQuotes = System.Text.RegularExpressions.Regex.Replace(query.MatchExpression, "\"[^\"]*\"", "\"\"");
        Assert.Equal(
            string.Join(" AND ", Enumerable.Repeat("{title original summary people organisations} : \"\"", 5)),
            outsideQuotes);
        Assert.Contains("\"near a\"", query.MatchExpression);
    }

    [Fact]
    public void Highlighting_marks_matches_in_the_original_text()
    {
        var query = KeywordQuery.Parse("湿地 mangroves");
        Assert.Equal("保护<mark>湿地</mark>与 <mark>Mangrove</mark> &amp; <mark>mangroves</mark>", Highlighter.Highlight("保护湿地与 Mangrove & mangroves", query));
    }

    [Fact]
    public void A_snippet_is_cut_around_the_first_match()
    {
        var text = new string('甲', 300) + "碳汇" + new string('乙', 300);
        var snippet = Highlighter.Snippet(text, KeywordQuery.Parse("碳汇"), 100);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.Contains("<mark>碳汇</mark>", snippet);
    }
}
