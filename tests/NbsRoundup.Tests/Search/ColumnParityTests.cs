using Microsoft.EntityFrameworkCore;
using NbsRoundup.Importing;
using NbsRoundup.Search;
using NbsRoundup.Synthetic;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Search;

/// <summary>
/// Queries answered over the in-memory columns give what the same query run wholly in SQL gives:
/// the same total, the same entries in the same order on every page, the same facets. Over the
/// newsletter and 1,500 synthetic entries (drafts, undated entries, ties in date and rank among
/// them), on the engine the suite runs on.
/// </summary>
public sealed class ColumnParityTests(ColumnParityTests.Catalogue catalogue) : IClassFixture<ColumnParityTests.Catalogue>
{
    public sealed class Catalogue : IDisposable
    {
        public Catalogue()
        {
            Database = TestDatabase.Create();
            using (var db = Database.Open())
            {
                Assert.True(new CatalogueImporter(db).ImportAsync(ContentFiles.Parse(ContentFiles.Vol3), dryRun: false).GetAwaiter().GetResult().Applied);
            }
            new SyntheticCatalogue(1_500).WriteAsync(Database.Open).GetAwaiter().GetResult();
            using (var db = Database.Open())
            {
                // Drafts, and an unpublished issue, are in neither answer.
                foreach (var entry in db.Entries.Where(e => e.Id % 9 == 0).ToList())
                {
                    entry.Unpublish();
                }
                db.Issues.OrderBy(i => i.Id).Skip(3).First().Unpublish();
                db.SaveChanges();
                SyntheticIssue = db.Issues.Where(i => i.IsPublished && i.Slug.StartsWith("syn-")).OrderBy(i => i.Id).Skip(5).Select(i => i.Slug).First();
            }
        }

        public TestDatabase Database { get; }

        public string SyntheticIssue { get; }

        public void Dispose() => Database.Dispose();
    }

    private static readonly string[] _queries =
    [
        "", "page=3", "pageSize=100&page=2", "page=80",
        "q=湿地", "q=wetland", "q=wetland&exact=true", "q=wetland&sort=date", "q=net-zero&sort=date&page=2", "q=碳汇",
        "q=mangrove restoration", "q=Institute&page=2", "q=研究院&sort=date&page=3", "q=forest", "q=不存在的词", "q=自然&pageSize=100",
        "section=research", "section=research,cop26&from=2021-01&to=2023-06", "section=events&sort=date&page=2",
        "organisation=tnc", "organisation=syn-org-7&q=forest", "organisation=syn-org-12&page=2", "organisation=大自然保护协会",
        "from=2001-06", "to=2021-10", "from=2021-09&to=2021-09", "from=2000-02-10&to=2000-09-05&q=climate",
        "topic=wetlands", "topic=finance&topic=forests", "place=419", "place=142&q=气候", "place=global&topic=climate-change&q=NbS",
        "place=CN&section=research&sort=date", "topic=oceans&place=BR", "issue=2021-11", "issue=2021-11&q=红树林&sort=date",
        "issue={synthetic}", "issue={synthetic}&q=forest&topic=forests",
    ];

    public static TheoryData<string> Queries => new(_queries);

    private static CatalogueQuery Parse(string text)
    {
        var pairs = text.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2)).ToList();
        var (query, errors) = CatalogueQuery.Parse(name => pairs.Where(p => p[0] == name).Select(p => p[1]).ToList());
        Assert.Empty(errors);
        return query;
    }

    [Theory]
    [MemberData(nameof(Queries))]
    public async Task Columns_answer_as_sql_does(string text)
    {
        var query = Parse(text.Replace("{synthetic}", catalogue.SyntheticIssue, StringComparison.Ordinal));
        await using var db = catalogue.Database.Open();
        var search = new CatalogueSearch(db);

        var sql = await search.RunAsync(query, new CatalogueSearch.Options(Columns: false));
        var columns = await search.RunAsync(query);

        Assert.Empty(sql.Errors);
        Assert.Empty(columns.Errors);
        Assert.Equal(sql.Total, columns.Total);
        Assert.Equal(sql.Items.Select(i => i.Slug), columns.Items.Select(i => i.Slug));
        Assert.Equal(sql.Facets!.Sections, columns.Facets!.Sections);
        Assert.Equal(sql.Facets.Months, columns.Facets.Months);
        Assert.Equal(sql.Facets.Organisations, columns.Facets.Organisations);
        Assert.Equal(sql.Facets.Topics, columns.Facets.Topics);
        Assert.Equal(sql.Facets.Places, columns.Facets.Places);
        Assert.Equal(sql.ExpandedWith, columns.ExpandedWith);
    }

    [Fact]
    public async Task The_queries_find_something_and_reach_every_kind_of_entry()
    {
        await using var db = catalogue.Database.Open();
        var search = new CatalogueSearch(db);
        var found = new List<int>();
        foreach (var text in _queries)
        {
            found.Add((await search.RunAsync(Parse(text.Replace("{synthetic}", catalogue.SyntheticIssue, StringComparison.Ordinal)))).Total);
        }
        // A parity over empty answers would say nothing.
        Assert.True(found.Count(t => t > 0) >= _queries.Length - 1, string.Join(", ", found));
        Assert.Contains(found, t => t > 500);
        Assert.True(await db.Entries.AnyAsync(e => e.DateStart == null && e.IsPublished), "some published entries are undated");
    }
}
