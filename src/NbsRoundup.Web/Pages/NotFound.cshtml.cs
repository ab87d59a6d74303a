using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Pages;

/// <summary>
/// The page the status code pages re-execute for every error status without a body of its own:
/// "not found" for 404, and for any other status (a request too large, a method not allowed)
/// a message that says what happened instead of claiming the page does not exist.
/// </summary>
// Re-executed with the refused request's method and body: a POST refused for its antiforgery token,
// or for its size, must not be refused here again (for the same reason) with an empty 400.
[IgnoreAntiforgeryToken]
public sealed class NotFoundModel : PageModel
{
    /// <summary>The status being explained: re-executed for a method this page has no handler for (TRACE), no handler runs.</summary>
    public int Status => HttpContext.Response.StatusCode;

    /// <summary>What the portal found wrong with the request, when it said.</summary>
    public RequestProblem? Problem => RequestProblem.Of(HttpContext);

    public void OnGet()
    {
        // Reached directly it still says "not found"; re-executed it keeps the original status.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    // The re-executed request keeps the original method: a refused POST lands here as a POST.
    public void OnPost() => OnGet();
}
