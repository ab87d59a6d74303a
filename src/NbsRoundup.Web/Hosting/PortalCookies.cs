namespace NbsRoundup.Web.Hosting;

/// <summary>The settings every cookie that carries a session or a token shares.</summary>
public static class PortalCookies
{
    /// <summary>
    /// Tests and `dotnet run` speak plain http (Development, Testing); everywhere else a cookie is
    /// https-only and carries the __Host- prefix, which browsers accept only with Secure, Path=/
    /// and no Domain, so no other host or plain-http page can set or overwrite it.
    /// </summary>
    public static bool PlainHttpAllowed(IHostEnvironment environment) =>
        environment.IsDevelopment() || environment.IsEnvironment("Testing");

    public static void Harden(CookieBuilder cookie, string name, IHostEnvironment environment)
    {
        var plainHttp = PlainHttpAllowed(environment);
        cookie.Name = plainHttp ? name : "__Host-" + name;
        cookie.HttpOnly = true;
        cookie.SameSite = SameSiteMode.Lax;
        cookie.Path = "/";
        cookie.Domain = null;
        cookie.SecurePolicy = plainHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
    }
}
