using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NbsRoundup.Accounts;

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
                o.Tokens.AuthenticatorTokenProvider = SingleUseAuthenticatorTokenProvider.Name;
            })
            .AddEntityFrameworkStores<CatalogueDb>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(SingleUseAuthenticatorTokenProvider.Name)
            .AddPasswordValidator<CommonPasswordValidator>();

        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IHostEnvironment>((o, environment) =>
            {
                PortalCookies.Harden(o.Cookie, "nbs-editor", environment);
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.LoginPath = SignInPath;
                o.LogoutPath = "/account/sign-out";
                o.AccessDeniedPath = "/account/access-denied";
            });
        // Between the password and the second factor, Identity remembers the account in a cookie of its own.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme)
            .Configure<IHostEnvironment>((o, environment) => PortalCookies.Harden(o.Cookie, "nbs-two-factor", environment));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme)
            .Configure<IHostEnvironment>((o, environment) => PortalCookies.Harden(o.Cookie, "nbs-two-factor-remember", environment));
        services.AddScoped<UnknownAccounts>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddAntiforgery();
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>()
            .Configure<IHostEnvironment>((o, environment) =>
            {
                PortalCookies.Harden(o.Cookie, "nbs-antiforgery", environment);
                o.Cookie.SameSite = SameSiteMode.Strict;
            });
        // Every request of a signed-in editor checks the account's security stamp: signing out,
        // a removed account, a new password or a change of two-factor ends every open session at
        // once, not at the next periodic check. Only editors sign in, so the query is cheap.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);

        services.AddAuthorizationBuilder()
            .AddPolicy(EditorPolicy, p => p.RequireRole(PortalRoles.Editor, PortalRoles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(PortalRoles.Admin));
        return services;
    }
}
