using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// A page answers only the methods it has handlers for (GET also answers HEAD); any other method
/// (TRACE, PUT, DELETE, a POST to a reading page) gets 405 with an Allow header. Razor Pages would
/// otherwise render the page without running any handler, on a model that was never filled (a
/// NullReferenceException, and in Development its stack trace), or refuse a POST for its missing
/// antiforgery token: this runs first, among the authorization filters.
/// </summary>
public sealed class PageMethods : IAsyncAuthorizationFilter, IAsyncPageFilter, IOrderedFilter
{
    /// <summary>Before the antiforgery check (1000) and the admin area's authorization.</summary>
    public int Order => -1000;

    public Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        if (context.ActionDescriptor is CompiledPageActionDescriptor page && !IsReExecuted(context.HttpContext))
        {
            var method = context.HttpContext.Request.Method;
            var verb = HttpMethods.IsHead(method) ? HttpMethods.Get : method;
            var allowed = page.HandlerMethods.Count == 0 ? [HttpMethods.Get] : page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList();
            if (!allowed.Contains(verb, StringComparer.OrdinalIgnoreCase))
            {
                context.Result = NotAllowed(context.HttpContext, allowed);
            }
        }
        return Task.CompletedTask;
    }

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    /// <summary>A method the page has handlers for, but none by the name asked (?handler=...): no handler would run.</summary>
    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && context.ActionDescriptor.HandlerMethods.Count > 0 && !IsReExecuted(context.HttpContext))
        {
            context.Result = NotAllowed(context.HttpContext, context.ActionDescriptor.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()).Distinct().ToList());
            return Task.CompletedTask;
        }
        return next();
    }

    /// <summary>The error and status pages are run again with the failed request's method: they must answer it.</summary>
    private static bool IsReExecuted(HttpContext context) =>
        context.Features.Get<IStatusCodeReExecuteFeature>() is not null || context.Features.Get<IExceptionHandlerPathFeature>() is not null;

    private static StatusCodeResult NotAllowed(HttpContext context, List<string> allowed)
    {
        if (allowed.Contains(HttpMethods.Get))
        {
            allowed.Add(HttpMethods.Head);
        }
        context.Response.Headers.Allow = string.Join(", ", allowed);
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
