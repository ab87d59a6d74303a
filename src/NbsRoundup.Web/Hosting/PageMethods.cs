using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// A page answers only the methods it has handlers for (GET also answers HEAD); any other method
/// (TRACE, PUT, DELETE, a POST to a reading page) gets 405 with an Allow header. Razor Pages would
/// otherwise render the page without running any handler, on a model that was never filled.
/// </summary>
public sealed class PageMethods : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        // The error and status pages are run again with the failed request's method: they must answer it.
        var reExecuted = http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerPathFeature>() is not null;
        if (context.HandlerMethod is not null || reExecuted)
        {
            return next();
        }
        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = http.Request.Method;
        if (handlers.Count == 0 && (HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
        {
            return next();
        }
        var allowed = handlers.Count == 0 ? ["GET"] : handlers.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
        if (allowed.Contains("GET"))
        {
            allowed.Add("HEAD");
        }
        http.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }
}
