using Microsoft.AspNetCore.OutputCaching;
using NbsRoundup.Discovery;
using NbsRoundup.Search;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Reading;

namespace NbsRoundup.Web.Pages.Topics;

/// <summary>One topic: its entries, newest first, a page at a time, with a feed.</summary>
[OutputCache(PolicyName = CachePolicies.Catalogue)]
public sealed class ShowModel(CatalogueDb db) : PageModel
{
    public Topic Topic { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? key, CancellationToken ct)
    {
        // Model binding makes a value of spaces null, and no topic is called that.
        if (string.IsNullOrWhiteSpace(key))
        {
            return NotFound();
        }
        if (NbsRoundup.Discovery.Topics.ByKey(key) is not { } topic)
        {
            // /topics/湿地 or /topics/Wetlands lead to the topic's own address.
            return NbsRoundup.Discovery.Topics.Find(key) is { } named ? RedirectPermanent(Paths.Topic(named.Key)) : NotFound();
        }
        Topic = topic;
        var result = await TaggedEntries.PageAsync(db, Request, new CatalogueQuery { Topics = [topic.Key] }, facets: false, ct);
        if (result is null)
        {
            return BadRequest();
        }
        Result = result;
        return Page();
    }
}
