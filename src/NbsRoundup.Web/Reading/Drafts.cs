using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Reading;

/// <summary>
/// A draft shown to its editors as readers will see it ("see it as readers do"): only to signed-in editors,
/// with a banner, `noindex`, and never stored by a cache (the output cache never stores a signed-in editor's
/// page; `Cache-Control: no-store, private` keeps browsers and proxies from keeping it). Readers get 404.
/// </summary>
public static class Drafts
{
    public static bool AreVisibleTo(HttpContext context) =>
        context.User.IsInRole(PortalRoles.Editor) || context.User.IsInRole(PortalRoles.Admin);

    /// <summary>Marks the response of a draft: not to be stored, not to be indexed.</summary>
    public static void MarkResponse(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store, private";
        response.Headers["X-Robots-Tag"] = "noindex, nofollow";
    }
}
