using System.ServiceModel.Syndication;
using System.Xml;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Exports;

/// <summary>
/// Atom feeds: of any catalogue query (`/entries/feed?q=湿地`), of the whole site (`/feed`)
/// and of one section (`/sections/cop26/feed`). Written by System.ServiceModel.Syndication.
/// </summary>
public static class Feeds
{
    /// <summary>Feed readers poll; a feed is the newest entries, not an archive.</summary>
    public const int MaxItems = 500;

    public const string ContentType = "application/atom+xml; charset=utf-8";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/entries/feed", (HttpContext context, CatalogueDb db, CancellationToken ct) =>
        {
            var (query, errors) = QueryProblems.Read(context.Request);
            return FeedAsync(context, db, query, errors, "NbS Round-up: " + Describe(query), ct);
        }).ExcludeFromDescription().CachedAs(CachePolicies.Catalogue).WithMetadata(new ReadsCatalogueQueryAttribute());
        endpoints.MapGet("/feed", (HttpContext context, CatalogueDb db, CancellationToken ct) =>
            FeedAsync(context, db, new CatalogueQuery(), [], "NbS Round-up 基于自然的解决方案通讯", ct)).ExcludeFromDescription().CachedAs(CachePolicies.Catalogue);
        endpoints.MapGet("/sections/{key}/feed", (string key, HttpContext context, CatalogueDb db, CancellationToken ct) =>
        {
            var section = Section.All.FirstOrDefault(s => s.Key == key);
            return section is null
                ? Task.FromResult(Results.NotFound())
                : FeedAsync(context, db, new CatalogueQuery { Sections = [key] }, [], $"NbS Round-up: {section.NameZh} / {section.NameEn}", ct);
        }).ExcludeFromDescription().CachedAs(CachePolicies.Section);
        endpoints.MapGet("/topics/{key}/feed", (string key, HttpContext context, CatalogueDb db, CancellationToken ct) =>
            Topics.ByKey(key) is { } topic
                ? FeedAsync(context, db, new CatalogueQuery { Topics = [topic.Key] }, [], $"NbS Round-up: {topic.Chinese} / {topic.English}", ct)
                : Task.FromResult(Results.NotFound())).ExcludeFromDescription().CachedAs(CachePolicies.Catalogue);
        endpoints.MapGet("/places/{code}/feed", (string code, HttpContext context, CatalogueDb db, CancellationToken ct) =>
            Places.ByCode(code) is { } place
                ? FeedAsync(context, db, new CatalogueQuery { Places = [place.Code] }, [], $"NbS Round-up: {place.Chinese} / {place.English}", ct)
                : Task.FromResult(Results.NotFound())).ExcludeFromDescription().CachedAs(CachePolicies.Catalogue);
        return endpoints;
    }

    private static async Task<IResult> FeedAsync(HttpContext context, CatalogueDb db, CatalogueQuery query, IReadOnlyList<QueryError> errors, string title, CancellationToken ct)
    {
        // A feed is always newest first, whatever sort the query asked for.
        var (rows, searchErrors) = errors.Count > 0 ? (null, errors) : await new CatalogueSearch(db).StreamAsync(query with { Sort = CatalogueSort.Date }, MaxItems, ct);
        if (rows is null)
        {
            return QueryProblems.Problem(searchErrors);
        }
        var baseUrl = QueryProblems.BaseUrl(context.Request);
        var self = new Uri(baseUrl, context.Request.Path + context.Request.QueryString);
        var items = new List<SyndicationItem>();
        await foreach (var row in rows.WithCancellation(ct))
        {
            items.Add(Item(row, baseUrl));
        }
        var feed = new SyndicationFeed(title, "Nature-based Solutions (NbS) Round-up", new Uri(Paths.Absolute(baseUrl, Paths.Entries)), self.ToString(),
            items.Count == 0 ? DateTimeOffset.UnixEpoch : items.Max(i => i.LastUpdatedTime), items)
        {
            Language = "zh-CN",
        };
        feed.Links.Add(SyndicationLink.CreateSelfLink(self, "application/atom+xml"));
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false), Indent = true }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }
        return Results.Bytes(buffer.ToArray(), ContentType);
    }

    private static SyndicationItem Item(EntryRow row, Uri baseUrl)
    {
        var url = new Uri(Paths.Absolute(baseUrl, Paths.Entry(row.Slug)));
        var item = new SyndicationItem(row.Title, new TextSyndicationContent(row.SummaryHtml, TextSyndicationContentKind.Html), url, url.ToString(),
            new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)));
        if (row.Date is { } date)
        {
            item.PublishDate = new DateTimeOffset(date.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        if (row.OriginalTitle is not null)
        {
            item.Summary = new TextSyndicationContent(row.OriginalTitle);
        }
        foreach (var name in row.Authors is not null ? [row.Authors] : row.Speaker is not null ? [row.Speaker] : row.Organisations.Select(o => o.Name))
        {
            item.Authors.Add(new SyndicationPerson { Name = name });
        }
        item.Categories.Add(new SyndicationCategory(row.SectionKey, null, row.SectionName));
        // Topics and places as categories in schemes of their own: the addresses of their indexes.
        var topics = Paths.Absolute(baseUrl, Paths.Topics);
        foreach (var tag in row.Topics)
        {
            item.Categories.Add(new SyndicationCategory(tag.Topic.Key, topics, $"{tag.Topic.Chinese} / {tag.Topic.English}"));
        }
        var places = Paths.Absolute(baseUrl, Paths.Places);
        foreach (var tag in row.Places)
        {
            item.Categories.Add(new SyndicationCategory(tag.Code, places, $"{tag.Place.Chinese} / {tag.Place.English}"));
        }
        return item;
    }

    private static string Describe(CatalogueQuery query) =>
        string.Join(" · ", query.ToParameters(withPaging: false).Select(p => $"{p.Key}={p.Value}")) is { Length: > 0 } text ? text : "all entries";
}
