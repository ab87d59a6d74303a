using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// A form refused for its antiforgery token (opened long ago, in another session, or before
/// signing in again) answers 400 with what happened and what to do: the status page says it.
/// Runs for results that authorization filters set too, which is where the token is checked.
/// </summary>
public sealed class FormExpired : IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult)
        {
            RequestProblem.Set(context.HttpContext, new RequestProblem(
                "The form has expired, or was opened in another session: nothing was saved. Open the page again and send the form once more."));
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
        // Nothing to do once the result is written.
    }
}
