using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// With Accounts:RequireTwoFactorForAdmins=true an Admin without two-factor authentication is sent to
/// set it up before anything else in the admin area answers (JSON endpoints answer 403).
/// </summary>
public static class TwoFactorRequirement
{
    public const string SetupPath = "/admin/two-factor";

    public static bool AppliesTo(ClaimsPrincipal user, IConfiguration configuration) =>
        configuration.GetValue("Accounts:RequireTwoFactorForAdmins", false) && user.IsInRole(PortalRoles.Admin);

    public static IApplicationBuilder UseTwoFactorForAdmins(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/admin") && !c.Request.Path.StartsWithSegments(SetupPath),
            branch => branch.Use(async (context, next) =>
            {
                var configuration = context.RequestServices.GetRequiredService<IConfiguration>();
                if (AppliesTo(context.User, configuration)
                    && await context.RequestServices.GetRequiredService<UserManager<PortalUser>>().GetUserAsync(context.User) is { TwoFactorEnabled: false })
                {
                    if (context.Request.Path.StartsWithSegments("/admin/api"))
                    {
                        context.Response.StatusCode = StatusCodes.Status403Forbidden;
                        return;
                    }
                    context.Response.Redirect(SetupPath);
                    return;
                }
                await next();
            }));
}
