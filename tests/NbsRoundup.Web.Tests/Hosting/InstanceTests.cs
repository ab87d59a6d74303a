using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Hosting;

/// <summary>Two portal instances on one database, as behind a load balancer: they share nothing else.</summary>
public sealed class InstanceTests : IDisposable
{
    private readonly PortalFactory _first = new();
    private readonly PortalFactory _second;

    public InstanceTests()
    {
        _ = _first.Services; // the first start migrates and seeds
        _second = PortalFactory.On(_first.ConnectionString);
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_instance_is_accepted_by_the_other()
    {
        await Editors.CreateAsync(_first, "shared@example.org", PortalRoles.Editor);
        using var onFirst = _first.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await Editors.SignInAsync(onFirst, "shared@example.org", Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("nbs-editor=", StringComparison.Ordinal)).Split(';')[0];

        using var onSecond = _second.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin");
        request.Headers.Add("Cookie", cookie);
        var admin = await onSecond.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        // The key that protects the cookie is in the catalogue, not in a folder of one machine.
        using var scope = _second.Services.CreateScope();
        Assert.NotEmpty(await scope.ServiceProvider.GetRequiredService<CatalogueDb>().DataProtectionKeys.ToListAsync());
    }

    [Fact]
    public async Task Wrong_passwords_on_both_instances_add_up_to_one_lockout()
    {
        await Editors.CreateAsync(_first, "counted@example.org", PortalRoles.Editor);
        using var onFirst = _first.CreateClient(new() { AllowAutoRedirect = false });
        using var onSecond = _second.CreateClient(new() { AllowAutoRedirect = false });

        for (var i = 0; i < 3; i++)
        {
            await Editors.SignInAsync(onFirst, "counted@example.org", "not the password at all");
        }
        for (var i = 0; i < 2; i++)
        {
            await Editors.SignInAsync(onSecond, "counted@example.org", "not the password at all");
        }
        var right = await Editors.SignInAsync(onFirst, "counted@example.org", Editors.Password);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("已被锁定 15 分钟", (await Forms.ReadAsync(right)).QuerySelector("main")!.TextContent);
    }
}
