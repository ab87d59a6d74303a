using Microsoft.AspNetCore.Mvc.RazorPages;

namespace NbsRoundup.Web.Pages;

public sealed class NotFoundModel : PageModel
{
    public void OnGet()
    {
        // Reached directly it still says "not found"; re-executed it keeps the original 404.
        if (HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }
}
