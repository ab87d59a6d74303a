using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Security;

public sealed class PasswordTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<IdentityResult> CreateAsync(string email, string password)
    {
        using var scope = portal.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true }, password);
    }

    [Fact]
    public async Task Every_one_of_the_tens_of_thousands_of_bundled_common_passwords_is_refused()
    {
        var list = BundledList();
        Assert.InRange(list.Count, 40_000, 200_000);

        Assert.DoesNotContain(list, p => !CommonPasswordValidator.IsCommon(p));
        // From far down the list, made long enough for the length rule: still refused when an account is made.
        var rare = list.Skip(40_000).First(p => p.Length >= 6 && p.All(char.IsAsciiLetterLower));
        var result = await CreateAsync($"rare-{Guid.NewGuid():N}@example.org", rare + "2024202420");
        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.CommonCode);
    }

    /// <summary>The list embedded in the library, read here line by line, as its header describes it.</summary>
    private static List<string> BundledList()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("NbsRoundup.Accounts.common-passwords.txt.gz")!;
        using var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var list = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                list.Add(line);
            }
        }
        return list;
    }

    [Theory]
    [InlineData("qazwsxedcrfv")]           // on the list as it is
    [InlineData("1qaz2wsx3edc")]           // on the list, 12 characters
    [InlineData("Password1234567")]        // a common word and digits
    [InlineData("Pass Word 2024!!")]       // spaces, case and punctuation do not hide it
    [InlineData("iloveyou12345678")]
    [InlineData("aaaaaaaaaaaaaaaa")]       // one character repeated
    [InlineData("NbS Round-up 2026")]      // the site's own name
    public async Task A_common_or_guessable_password_is_refused_whatever_its_length(string password)
    {
        var result = await CreateAsync($"common-{Guid.NewGuid():N}@example.org", password);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.CommonCode);
    }

    [Fact]
    public async Task A_password_made_of_the_account_name_is_refused()
    {
        var result = await CreateAsync("wangxiaoming@example.org", "wangxiaoming likes wetlands");

        Assert.Contains(result.Errors, e => e.Code == CommonPasswordValidator.PersonalCode);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(1000)]
    public async Task A_long_passphrase_is_accepted_and_signs_in(int length)
    {
        var email = $"long-{length}@example.org";
        var words = string.Concat(Enumerable.Repeat("湿地 mangrove 红树林 peat ", 60));
        var password = words[..length];
        Assert.True((await CreateAsync(email, password)).Succeeded);
        using (var scope = portal.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            await users.AddToRoleAsync((await users.FindByEmailAsync(email))!, PortalRoles.Editor);
        }
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });

        var response = await Editors.SignInAsync(client, email, password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        // One character fewer is another password.
        using var other = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await Editors.SignInAsync(other, email, password[..^1])).StatusCode);
    }

    [Fact]
    public async Task An_admin_opening_an_account_with_a_common_password_is_told_why_in_chinese()
    {
        using var admin = await Editors.SignInAsync(portal, PortalRoles.Admin);
        var form = await Forms.GetAsync(admin, "/admin/users/new");

        var response = await Forms.SubmitAsync(admin, form, new() { ["Input.Email"] = "weak@example.org", ["Input.Password"] = "qwertyuiop123" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("这是最常见的密码之一，或由常见密码变化而来，请另选一个。", Forms.Message(await Forms.ReadAsync(response), "Input.Password"));
        Assert.Null(await CreatedAsync("weak@example.org"));
    }

    [Fact]
    public async Task The_command_line_refuses_a_common_password_too()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await NbsRoundup.Web.Commands.CommandLine.RunAsync(["user", "add", "--email", "cli-weak@example.org", .. portal.DatabaseArguments],
            output, error, new StringReader("password12345678\npassword12345678\n"));

        Assert.Equal(1, exit);
        Assert.Contains("most common passwords", error.ToString(), StringComparison.Ordinal);
        Assert.Null(await CreatedAsync("cli-weak@example.org"));
    }

    private async Task<PortalUser?> CreatedAsync(string email)
    {
        using var scope = portal.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(email);
    }
}
