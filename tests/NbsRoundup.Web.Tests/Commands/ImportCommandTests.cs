using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Commands;

/// <summary>The `import` verb, run in-process on a database of its own.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly string _database = TestEngine.CreateDatabase("nbs-cli");
    private readonly string _scratch = Directory.CreateTempSubdirectory("nbs-cli-").FullName;

    public void Dispose()
    {
        TestEngine.DropDatabase(_database);
        Directory.Delete(_scratch, recursive: true);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CommandLine.RunAsync([.. args, .. PortalFactory.DatabaseArgumentsFor(_database)], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private Task<long> CountAsync(string table) => Task.FromResult(TestEngine.Count(_database, table));

    [Fact]
    public async Task Importing_the_content_folder_into_a_brand_new_database_migrates_it_first()
    {
        var (exit, output, _) = await RunAsync("import", ContentFiles.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("issue 2021-11 (new)", output);
        Assert.Contains("+ corporate-net-zero-standard  《企业净零标准》", output);
        Assert.Contains("done: 70 added, 0 changed, 0 unchanged.", output);
        Assert.Contains("warning: '9 月 31 日' is not a real date", output);
        Assert.Equal(70, await CountAsync("Entries"));
    }

    [Fact]
    public async Task Importing_again_changes_nothing()
    {
        await RunAsync("import", ContentFiles.Folder);

        var (exit, output, _) = await RunAsync("import", ContentFiles.Folder);

        Assert.Equal(0, exit);
        Assert.Contains("nothing to do: 0 added, 0 changed, 70 unchanged.", output);
        Assert.Equal(70, await CountAsync("Entries"));
    }

    [Fact]
    public async Task A_dry_run_prints_the_plan_and_writes_nothing()
    {
        var (exit, output, _) = await RunAsync("import", ContentFiles.PathOf(ContentFiles.Vol3), "--dry-run");

        Assert.Equal(0, exit);
        Assert.Contains("dry run: would add 70, change 0, leave 0 unchanged; nothing written.", output);
        Assert.Equal(0, await CountAsync("Entries"));
    }

    [Fact]
    public async Task A_dry_run_lists_the_tags_suggested_for_an_untagged_entry()
    {
        var untagged = Path.Combine(_scratch, "untagged.md");
        await File.WriteAllTextAsync(untagged, "---\nslug: 2098-10\ntitle: 标签 2098年10月\nyear: 2098\nmonth: 10\n---\n\n# 研究和观点\n\n### 伯利兹恢复红树林湿地\nslug: untagged-belize\n\n伯利兹的红树林和湿地恢复项目。\n");

        var (exit, output, _) = await RunAsync("import", untagged, "--dry-run");

        Assert.Equal(0, exit);
        var line = output.Split('\n').Single(l => l.Contains("suggested:", StringComparison.Ordinal));
        Assert.Contains("wetlands", line, StringComparison.Ordinal);
        Assert.Contains("BZ", line, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync("Entries"));
    }

    [Fact]
    public async Task A_corrected_file_reports_what_changes()
    {
        await RunAsync("import", ContentFiles.Folder);
        var corrected = Path.Combine(_scratch, "vol3.md");
        await File.WriteAllTextAsync(corrected, (await File.ReadAllTextAsync(ContentFiles.PathOf(ContentFiles.Vol3)))
            .Replace("date: 9 月 31 日", "date: 9 月 30 日"));

        var (exit, output, _) = await RunAsync("import", corrected);

        Assert.Equal(0, exit);
        Assert.Contains("~ uk-footprint-on-global-biodiversity", output);
        Assert.Contains("(date)", output);
        Assert.Contains("done: 0 added, 1 changed, 69 unchanged.", output);
    }

    [Fact]
    public async Task A_bad_file_fails_with_file_line_and_reason_and_changes_nothing()
    {
        await RunAsync("import", ContentFiles.Folder);
        var bad = Path.Combine(_scratch, "bad.md");
        await File.WriteAllTextAsync(bad, "---\nslug: 2022-01\ntitle: T\nyear: 2022\nmonth: 1\n---\n\n# 标准和指南\n\n### 甲\nslug: a-new-entry\n\n正文\n\n# 天气\n");

        var (exit, _, error) = await RunAsync("import", bad);

        Assert.Equal(1, exit);
        Assert.Contains("bad.md:15: error: unknown section '天气'", error);
        Assert.Contains("not imported; the catalogue is unchanged.", error);
        Assert.Equal(70, await CountAsync("Entries"));
        Assert.Equal(1, await CountAsync("Issues"));
    }

    [Fact]
    public async Task A_missing_path_is_a_usage_error()
    {
        var (exit, _, error) = await RunAsync("import", Path.Combine(_scratch, "nowhere.md"));

        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", error);
        Assert.Contains("usage: import <file or folder> [--dry-run]", error);
    }
}
