using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Security;

public sealed class TwoFactorTests : IDisposable
{
    private readonly PortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    /// <summary>The code an authenticator app shows for the key now, or some steps later (computed by the tests, not by the portal).</summary>
    private static string Code(string key, int stepsLater = 0) => Rfc6238.CodeAt(key, DateTimeOffset.UtcNow, stepsLater);

    /// <summary>Turns two-factor on through the page, as an editor would; returns the key and the recovery codes.</summary>
    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> TurnOnAsync(HttpClient client)
    {
        var page = await Forms.GetAsync(client, "/admin/two-factor");
        var uri = new Uri(page.Document.QuerySelector("code.authenticator-uri")!.TextContent);
        var key = System.Web.HttpUtility.ParseQueryString(uri.Query)["secret"]!;
        var done = await Forms.ReadAsync(await Forms.SubmitAsync(client, page, new() { ["Input.Code"] = Code(key) }, formSelector: "main form.admin-form.narrow"));
        var codes = done.QuerySelectorAll(".recovery-codes code").Select(c => c.TextContent).ToList();
        Assert.Equal(10, codes.Count);
        return (key, codes);
    }

    private async Task<PortalUser> UserAsync(string email)
    {
        using var scope = _portal.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email))!;
    }

    private static async Task<HttpResponseMessage> SecondStepAsync(HttpClient client, string code)
    {
        var form = await Forms.GetAsync(client, "/account/two-factor");
        return await Forms.SubmitAsync(client, form, new() { ["Input.Code"] = code });
    }

    [Fact]
    public async Task The_setup_page_shows_a_key_an_otpauth_address_and_a_qr_code_and_turns_on_only_with_a_right_code()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "totp@example.org");
        var page = await Forms.GetAsync(editor, "/admin/two-factor");

        var uri = page.Document.QuerySelector("code.authenticator-uri")!.TextContent;
        var grouped = page.Document.QuerySelector("code.authenticator-key")!.TextContent;
        Assert.StartsWith("otpauth://totp/NbS%20Round-up:totp%40example.org?secret=", uri, StringComparison.Ordinal);
        Assert.Contains("issuer=NbS%20Round-up", uri, StringComparison.Ordinal);
        Assert.Equal(grouped.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant(), System.Web.HttpUtility.ParseQueryString(new Uri(uri).Query)["secret"]);
        Assert.NotNull(page.Document.QuerySelector(".qr-code svg"));

        var wrong = await Forms.SubmitAsync(editor, page, new() { ["Input.Code"] = "000000" }, formSelector: "main form.admin-form.narrow");
        Assert.Contains("验证码不正确", (await Forms.ReadAsync(wrong)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.False((await UserAsync("totp@example.org")).TwoFactorEnabled);

        var (_, codes) = await TurnOnAsync(editor);

        Assert.True((await UserAsync("totp@example.org")).TwoFactorEnabled);
        Assert.Equal(10, codes.Distinct().Count());
        // This session goes on after the change of security stamp.
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task With_two_factor_on_signing_in_asks_for_the_code_after_the_password()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "second@example.org");
        var (key, _) = await TurnOnAsync(editor);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        var password = await Editors.SignInAsync(client, "second@example.org", Editors.Password);

        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode); // the password alone is not enough
        var wrong = await SecondStepAsync(client, Code(key, stepsLater: 10));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("验证码不正确", (await Forms.ReadAsync(wrong)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var right = await SecondStepAsync(client, Code(key, stepsLater: 1));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/admin", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task A_code_from_the_app_signs_in_once_and_only_once()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "replay@example.org");
        var (key, _) = await TurnOnAsync(editor);
        var code = Code(key, stepsLater: 1);
        using var first = _portal.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(first, "replay@example.org", Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, code)).StatusCode);

        // Someone who saw the code over the editor's shoulder, within the same 30 seconds.
        using var second = _portal.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(second, "replay@example.org", Editors.Password);
        var replayed = await SecondStepAsync(second, code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
        // The code the setup page took cannot sign in either.
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(second, Code(key))).StatusCode);
    }

    [Fact]
    public void The_codes_are_those_of_rfc_6238()
    {
        // RFC 6238 appendix B, SHA-1, last six digits: T = 59 s → 94287082, T = 1111111109 s → 07081804.
        var secret = "12345678901234567890"u8.ToArray();

        Assert.Equal("287082", Rfc6238.Code(secret, 59 / 30));
        Assert.Equal("081804", Rfc6238.Code(secret, 1111111109 / 30));
        Assert.Equal("050471", Rfc6238.CodeAt("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1111111111)));
        Assert.Equal(secret, Rfc6238.Base32Decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"));
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once_and_only_once()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "recover@example.org");
        var (_, codes) = await TurnOnAsync(editor);

        using var first = _portal.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(first, "recover@example.org", Editors.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await SecondStepAsync(first, codes[3])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/admin")).StatusCode);

        using var second = _portal.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(second, "recover@example.org", Editors.Password);
        Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(second, codes[3])).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await second.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_and_then_the_right_code_is_refused()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "guess@example.org");
        var (key, _) = await TurnOnAsync(editor);
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });
        await Editors.SignInAsync(client, "guess@example.org", Editors.Password);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await SecondStepAsync(client, $"{100000 + i}")).StatusCode);
        }
        var right = await SecondStepAsync(client, Code(key));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("已被锁定 15 分钟", (await Forms.ReadAsync(right)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task The_code_step_cannot_be_reached_without_the_password_step()
    {
        using var client = _portal.CreateClient(new() { AllowAutoRedirect = false });

        var page = await client.GetAsync("/account/two-factor");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/sign-in", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_required_an_admin_sets_up_two_factor_before_anything_else_in_the_admin_area()
    {
        using var portal = new ConfiguredPortal("Development", ("Accounts:RequireTwoFactorForAdmins", "true"));
        using var admin = await Editors.SignInAsync(portal, PortalRoles.Admin);
        using var editor = await Editors.SignInAsync(portal, PortalRoles.Editor);

        foreach (var url in new[] { "/admin", "/admin/users", "/admin/entries/corporate-net-zero-standard/edit" })
        {
            var response = await admin.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/admin/two-factor", response.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/admin/api/organisations?q=tnc")).StatusCode);
        var setup = await Forms.GetAsync(admin, "/admin/two-factor");
        Assert.Contains("管理员须先设置双重验证", setup.Document.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode); // editors may choose

        await TurnOnAsync(admin);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users")).StatusCode);
        var turnedOn = await Forms.GetAsync(admin, "/admin/two-factor");
        Assert.Null(turnedOn.Document.QuerySelector("form button.danger")); // and it cannot be turned off
    }

    [Fact]
    public async Task An_editor_turns_two_factor_off_only_with_a_current_code()
    {
        using var editor = await Editors.SignInAsync(_portal, email: "off@example.org");
        var (key, _) = await TurnOnAsync(editor);
        var page = await Forms.GetAsync(editor, "/admin/two-factor");

        var refused = await Forms.SubmitAsync(editor, page, new() { ["Input.Code"] = "123456" }, handler: "Disable", formSelector: "main form.admin-form.narrow");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True((await UserAsync("off@example.org")).TwoFactorEnabled);

        var off = await Forms.SubmitAsync(editor, page, new() { ["Input.Code"] = Code(key, stepsLater: 1) }, formSelector: "main form.admin-form.narrow");

        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False((await UserAsync("off@example.org")).TwoFactorEnabled);
        Assert.IsAssignableFrom<IHtmlDocument>((await Forms.GetAsync(editor, "/admin/two-factor")).Document);
    }
}
