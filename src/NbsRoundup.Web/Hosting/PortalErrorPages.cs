namespace NbsRoundup.Web.Hosting;

public static class PortalErrorPages
{
    /// <summary>
    /// Readers get the portal's own error and not-found pages; API clients get problem-details
    /// JSON for the same statuses, never an HTML page.
    /// </summary>
    public static WebApplication UsePortalErrorPages(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseWhen(c => !IsApi(c), b => b.UseExceptionHandler("/error"));
        }
        app.UseWhen(IsApi, b => b.UseExceptionHandler().UseStatusCodePages());
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/not-found"));
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");
}
