using System.Net;
using NbsRoundup.Importing;
using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Commands;

/// <summary>The `user` and `export` verbs, run in-process on a database of their own.</summary>
public sealed class UserAndExportCommandTests : IDisposable
{
    private readonly string _database = TestEngine.CreateDatabase("nbs-cli");
    private readonly string _scratch = Directory.CreateTempSubdirectory("nbs-cli-").FullName;

    public void Dispose()
    {
        TestEngine.DropDatabase(_database);
        Directory.Delete(_scratch, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string? input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var reader = input is null ? null : new StringReader(input);
        var exit = await CommandLine.RunAsync([.. args, .. PortalFactory.DatabaseArgumentsFor(_database)], output, error, reader);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task The_first_admin_is_made_on_the_command_line_and_can_then_sign_in_to_the_portal()
    {
        var (exit, output, _) = await RunAsync("a passphrase of some length\n", "user", "add", "--email", "first@example.org", "--role", "admin");

        Assert.Equal(0, exit);
        Assert.Equal("Added first@example.org (Admin).", output.Trim());
        using var portal = PortalFactory.On(_database);
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var signedIn = await Editors.SignInAsync(client, "first@example.org", "a passphrase of some length");
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_password_under_twelve_characters_is_refused_and_no_account_is_made()
    {
        var (exit, _, error) = await RunAsync("short pass\n", "user", "add", "--email", "weak@example.org");

        Assert.Equal(1, exit);
        Assert.Contains("at least 12 characters", error, StringComparison.Ordinal);
        Assert.Contains("No accounts yet", (await RunAsync(null, "user", "list")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accounts_are_listed_with_their_roles_get_new_passwords_and_are_removed()
    {
        await RunAsync("the first passphrase\n", "user", "add", "--email", "ed@example.org");
        await RunAsync("the admin passphrase\n", "user", "add", "--email", "ad@example.org", "--role", "Admin");

        var list = (await RunAsync(null, "user", "list")).Output;
        var reset = await RunAsync("a brand new passphrase\n", "user", "reset-password", "--email", "ed@example.org");
        var removed = await RunAsync(null, "user", "remove", "--email", "ad@example.org");

        Assert.Contains("ad@example.org  Admin", list, StringComparison.Ordinal);
        Assert.Contains("ed@example.org  Editor", list, StringComparison.Ordinal);
        Assert.Equal(0, reset.Exit);
        Assert.Equal(0, removed.Exit);
        Assert.DoesNotContain("ad@example.org", (await RunAsync(null, "user", "list")).Output, StringComparison.Ordinal);
        using var portal = PortalFactory.On(_database);
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await Editors.SignInAsync(client, "ed@example.org", "the first passphrase")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Editors.SignInAsync(client, "ed@example.org", "a brand new passphrase")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_role_or_a_missing_email_is_a_usage_error()
    {
        Assert.Equal(2, (await RunAsync("whatever passphrase\n", "user", "add", "--email", "x@example.org", "--role", "Owner")).Exit);
        var (exit, _, error) = await RunAsync(null, "user", "add");
        Assert.Equal(2, exit);
        Assert.Contains("--email is required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_the_issue_as_a_newsletter_file_that_imports_back_unchanged()
    {
        await RunAsync(null, "import", ContentFiles.Folder);
        var file = Path.Combine(_scratch, "out", "..", "2021-11.md");

        var (exit, output, _) = await RunAsync(null, "export", "--issue", "2021-11", "--out", file);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote issue 2021-11", output, StringComparison.Ordinal);
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.NotEqual(0xEF, bytes[0]); // no BOM
        var parsed = NewsletterParser.Parse(bytes, "2021-11.md");
        Assert.False(parsed.HasErrors);
        Assert.Equal(70, parsed.Document!.Entries.Count);
        var again = await RunAsync(null, "import", file);
        Assert.Contains("nothing to do: 0 added, 0 changed, 70 unchanged.", again.Output, StringComparison.Ordinal);
        Assert.Equal(1, (await RunAsync(null, "export", "--issue", "1999-01", "--out", file)).Exit);
    }
}
