using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests;

/// <summary>Editors' accounts for tests, made as `user add` makes them, and signed in through the real form.</summary>
public static class Editors
{
    public const string Password = "a sufficiently long passphrase";

    public static async Task CreateAsync(PortalFactory portal, string email, string role)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    /// <summary>A client (cookies kept, redirects not followed) signed in as a new account with the role.</summary>
    public static async Task<HttpClient> SignInAsync(PortalFactory portal, string role = PortalRoles.Editor, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.org";
        await CreateAsync(portal, email, role);
        var client = portal.CreateBrowserClient();
        var response = await SignInAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var form = await Forms.GetAsync(client, "/account/sign-in");
        return await Forms.SubmitAsync(client, form, new() { ["Input.Email"] = email, ["Input.Password"] = password });
    }
}
