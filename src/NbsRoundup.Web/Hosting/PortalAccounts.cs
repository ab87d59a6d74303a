using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Editors' accounts: ASP.NET Core Identity on the catalogue database, a sign-in cookie, and the
/// two policies the admin area is guarded by. No account exists until `user add` makes one.
/// </summary>
public static class PortalAccounts
{
    /// <summary>Editors and Admins: the whole admin area.</summary>
    public const string EditorPolicy = "Editor";
    /// <summary>Admins only: accounts and the whole audit log.</summary>
    public const string AdminPolicy = "Admin";

    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddPortalAccounts(this IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // ASVS 5: length, not composition; long passphrases welcome.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CatalogueDb>()
            .AddDefaultTokenProviders();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, environment) =>
            {
                // Tests and `dotnet run` speak plain http; everywhere else the cookie is https-only,
                // and then it may carry the __Host- prefix (no Domain, Path=/, Secure).
                var plainHttpAllowed = environment.IsDevelopment() || environment.IsEnvironment("Testing");
                o.Cookie.Name = plainHttpAllowed ? "nbs-editor" : "__Host-nbs-editor";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = plainHttpAllowed ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
            });
        // A removed account or a reset password ends open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireRole(PortalRoles.Editor, PortalRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(PortalRoles.Admin));
        return services;
    }
}
