using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Commands;

/// <summary>Help for every verb, refusals of arguments a verb cannot use, and what starts the portal instead.</summary>
public sealed class HelpAndUsageTests : IDisposable
{
    private readonly string _database = TestEngine.CreateDatabase("nbs-cli");

    public void Dispose() => TestEngine.DropDatabase(_database);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, .. PortalFactory.DatabaseArgumentsFor(_database)], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Help and refusals come before the host starts: nothing is migrated, nothing written.</summary>
    private void AssertDatabaseUntouched() => Assert.Equal("", TestEngine.Dump(_database));

    [Theory]
    [InlineData("import", "--help")]
    [InlineData("import", "-h")]
    [InlineData("help", "import")]
    public async Task A_verbs_help_says_what_it_does_and_names_its_argument_and_options(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        Assert.Contains("import newsletter Markdown", output, StringComparison.Ordinal);
        Assert.Contains("<file or folder>", output, StringComparison.Ordinal);
        Assert.Contains("--dry-run", output, StringComparison.Ordinal);
        Assert.Contains("write nothing", output, StringComparison.Ordinal);
        AssertDatabaseUntouched();
    }

    [Fact]
    public async Task Help_lists_every_verb_and_how_to_configure_them()
    {
        var (exit, output, _) = await RunAsync("help");

        Assert.Equal(0, exit);
        foreach (var verb in new[] { "import", "export", "migrate", "seed-synthetic", "user", "backup" })
        {
            Assert.Contains($"\n  {verb} ", output, StringComparison.Ordinal);
        }
        Assert.Contains("--ConnectionStrings:Catalogue=", output, StringComparison.Ordinal);
        Assert.Equal(output, (await RunAsync("--help")).Output);
        Assert.Contains("reset-password", (await RunAsync("user", "--help")).Output, StringComparison.Ordinal);
        Assert.Contains("--role <Editor|Admin>", (await RunAsync("help", "user", "add")).Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_count_that_is_not_a_number_is_refused_with_the_reason_and_the_usage_before_any_database_is_touched()
    {
        var (exit, output, error) = await RunAsync("seed-synthetic", "--entries", "lots");

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("seed-synthetic needs --entries N, a number from 1 to 5,000,000", error, StringComparison.Ordinal);
        Assert.Contains("usage: seed-synthetic [--entries N]", error, StringComparison.Ordinal);
        AssertDatabaseUntouched();
    }

    [Theory]
    [InlineData("'not-an-address' is not an e-mail address", "user", "add", "--email", "not-an-address")]
    [InlineData("unknown role 'Owner'; the roles are Editor and Admin", "user", "add", "--email", "x@example.org", "--role", "Owner")]
    [InlineData("Unrecognized command or argument '--force'", "backup", "--to", "x.db", "--force")]
    [InlineData("Required command was not provided", "user")]
    public async Task Arguments_a_verb_cannot_use_are_refused_with_exit_code_2(string message, params string[] args)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains($"usage: {args[0]}", error, StringComparison.Ordinal);
        AssertDatabaseUntouched();
    }

    [Fact]
    public async Task Configuration_arguments_reach_the_verb_before_or_after_it_and_its_options_may_be_written_with_an_equals_sign()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await CommandLine.RunAsync([.. PortalFactory.DatabaseArgumentsFor(_database), "migrate"], output, error);

        Assert.True(exit == 0, error.ToString());
        Assert.Equal(0, TestEngine.Count(_database, "Entries"));
        var (shown, _, _) = await RunAsync("export", "--issue=1999-01");
        Assert.Equal(1, shown); // parsed as the option, so the verb ran and found no such issue
    }

    [Theory]
    [InlineData(true, "migrate")]
    [InlineData(true, "--Database:Provider=Postgres", "migrate")]
    [InlineData(true, "help")]
    [InlineData(true, "--help")]
    [InlineData(true, "[suggest:4]", "user")]
    [InlineData(false)]
    [InlineData(false, "--urls=http://127.0.0.1:5181")]
    [InlineData(false, "--ConnectionStrings:Catalogue=Data Source=other.db")]
    public void The_portal_starts_unless_a_verb_help_or_a_directive_is_given(bool isCommand, params string[] args) =>
        Assert.Equal(isCommand, CommandLine.IsCommand(args));
}
