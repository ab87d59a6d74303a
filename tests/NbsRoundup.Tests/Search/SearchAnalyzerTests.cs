using NbsRoundup.Data;
using NbsRoundup.Text;

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
    public void Apostrophes_cut_words_and_diacritics_go_as_sqlite_would_cut_them() =>
        Assert.Equal("don t o neill cafe world", SearchAnalyzer.Words("Don't O’Neill Café world's"));

    [Fact]
    public void A_keyword_query_is_an_and_of_phrases_in_words_or_characters()
    {
        var query = KeywordQuery.Parse("红树林 net-zero 林 红树林")!;
        Assert.Equal(
            [new KeywordClause(KeywordField.Words, ["红树", "树林"]), new KeywordClause(KeywordField.Words, ["net", "zero"]), new KeywordClause(KeywordField.Characters, ["林"])],
            query.Clauses);
    }

    [Fact]
    public void On_sqlite_a_keyword_query_is_an_fts5_and_of_quoted_phrases_in_column_sets()
    {
        var query = KeywordQuery.Parse("红树林 net-zero 林")!;
        Assert.Equal(
            "{title original summary people organisations} : \"红树 树林\" AND {title original summary people organisations} : \"net zero\" AND {chars_title chars_body} : \"林\"",
            SqliteFullTextIndex.MatchExpression(query));
    }

    [Fact]
    public void On_postgres_a_keyword_query_is_a_tsquery_of_phrases_per_vector()
    {
        var query = KeywordQuery.Parse("红树林 net-zero 林 don't")!;
        Assert.Equal("('红树' <-> '树林') & ('net' <-> 'zero') & ('don' <-> 't')", PostgresFullTextIndex.TsQuery(query, KeywordField.Words));
        Assert.Equal("'林'", PostgresFullTextIndex.TsQuery(query, KeywordField.Characters));
        Assert.Null(PostgresFullTextIndex.TsQuery(KeywordQuery.Parse("湿地")!, KeywordField.Characters));
    }

    [Fact]
    public void On_postgres_titles_weigh_a_and_texts_are_a_position_apart_so_no_phrase_spans_two()
    {
        var document = new SearchDocument(1, "红树林", "Mangroves", "湿地", "", "TNC");
        Assert.Equal("'红树':1A '树林':2A 'mangrove':4A 'tnc':6B '湿地':8C", PostgresFullTextIndex.WordsVector(document));
        Assert.Equal("'红':1A '树':2A '林':3A '湿':5C '地':6C", PostgresFullTextIndex.CharactersVector(document));
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
        var match = SqliteFullTextIndex.MatchExpression(query);
        var outsideQuotes = System.Text.RegularExpressions.Regex.Replace(match, "\"[^\"]*\"", "\"\"");
        Assert.Equal(
            string.Join(" AND ", Enumerable.Repeat("{title original summary people organisations} : \"\"", 5)),
            outsideQuotes);
        Assert.Contains("\"near a\"", match);
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
