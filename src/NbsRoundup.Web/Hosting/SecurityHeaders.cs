namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Headers on every response, static files, errors and 404s included: set when the response
/// starts, so an exception handler that clears the response cannot lose them.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts, styles, images, fonts and fetches only from the portal itself, never inline; no
    /// plugins; forms post only here; no page may be framed (clickjacking).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; "
        + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>365 days (ASVS 5 V3.4.1).</summary>
    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>Kestrel does not announce itself ("Server: Kestrel"): nothing to tell a scanner which exploits to try.</summary>
    public static void AddSecurityHeaders(this WebApplicationBuilder builder) =>
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var environment = app.ApplicationServices.GetRequiredService<IHostEnvironment>();
        // On plain-http development machines HSTS would pin localhost to https for a year.
        var hsts = !PortalCookies.PlainHttpAllowed(environment);
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                if (hsts)
                {
                    // Browsers heed it only over https and ignore it over http, so behind a proxy
                    // that ends TLS it is sent whatever scheme the portal itself sees.
                    headers.StrictTransportSecurity = StrictTransportSecurity;
                }
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
