namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Why a request was refused, for the status page to say in the reader's language: a status code
/// alone ("bad request") does not tell anyone what to do. The message is an English template
/// translated in strings.zh-CN.tsv.
/// </summary>
public sealed record RequestProblem(string Message, params object[] Arguments)
{
    private static readonly object _key = new();

    public static void Set(HttpContext context, RequestProblem problem) => context.Items[_key] = problem;

    public static RequestProblem? Of(HttpContext context) => context.Items.TryGetValue(_key, out var problem) ? problem as RequestProblem : null;

    /// <summary>Answers the request with a status and this problem; the status page shows it.</summary>
    public Task AnswerAsync(HttpContext context, int status)
    {
        Set(context, this);
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}

public static class RequestChecks
{
    /// <summary>
    /// Outside Development the session and antiforgery cookies are Secure, and ASP.NET Core refuses to
    /// issue them over what it sees as plain http (a 500): signing in and the editors' pages say
    /// instead what to configure. Behind a proxy that ends TLS the request is https once its
    /// X-Forwarded-Proto is believed (Hosting:KnownProxies).
    /// </summary>
    private static readonly RequestProblem _httpsRequired = new(
        "Signing in and editing need HTTPS, and this request came over plain http. Serve the site over HTTPS; behind a reverse proxy that ends TLS, name it in Hosting:KnownProxies so that its X-Forwarded-Proto is believed (docs/deploy.md). To try the site on this computer over http, run it in Development.");

    /// <summary>
    /// An address holding a character no address of the portal can hold (a control, U+FFFE, a
    /// lone surrogate) is refused before routing: slugs and names are looked up by normalised
    /// text, and normalisation throws on some of them.
    /// </summary>
    public static IApplicationBuilder UseRequestChecks(this IApplicationBuilder app)
    {
        var plainHttpAllowed = PortalCookies.PlainHttpAllowed(app.ApplicationServices.GetRequiredService<IHostEnvironment>());
        return app.Use((context, next) => Characters.FindUnusable(context.Request.Path.Value) is { } found
            ? new RequestProblem("The address holds the character {0}, which no address of this site can hold.", found.CodePoint)
                .AnswerAsync(context, StatusCodes.Status400BadRequest)
            : !plainHttpAllowed && !context.Request.IsHttps && NeedsSession(context.Request.Path)
                ? _httpsRequired.AnswerAsync(context, StatusCodes.Status403Forbidden)
                : next(context));
    }

    private static bool NeedsSession(PathString path) => path.StartsWithSegments("/account") || path.StartsWithSegments("/admin");
}
