using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using NbsRoundup.Testing;
using NbsRoundup.Tests.Data;

namespace NbsRoundup.Tests.Importing;

/// <summary>
/// Every file of Fixtures/Malformed (see cases.tsv) is either refused with a message naming its
/// line, leaving the database byte for byte as it was, or imported correctly.
/// </summary>
public sealed class MalformedCorpusTests(Search.CatalogueFixture catalogue) : IClassFixture<Search.CatalogueFixture>
{
    private static readonly string _folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "Malformed");
    private readonly TestDatabase _database = catalogue.Database;

    public static TheoryData<string, string, int, string> Cases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(_folder, "cases.tsv")).Where(l => !l.StartsWith('#')))
        {
            var parts = line.Split('\t');
            data.Add(parts[0], parts[1], int.Parse(parts[2], System.Globalization.CultureInfo.InvariantCulture), parts[3]);
        }
        return data;
    }

    [Fact]
    public void Every_file_of_the_corpus_has_a_case_and_at_least_twenty_are_refused_or_warned_about()
    {
        var files = Directory.EnumerateFiles(_folder, "*.md").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        // A file without a line in cases.tsv would never be tested; a line without its file fails only as a missing file.
        Assert.Equal(files, Cases().Select(row => (string)row[0]).Order(StringComparer.Ordinal));

        var flagged = files.Where(f => NewsletterParser.Parse(File.ReadAllBytes(Path.Combine(_folder, f)), f).Diagnostics.Count > 0).ToList();
        Assert.True(flagged.Count >= 20, $"only {flagged.Count} files are refused or warned about: {string.Join(", ", flagged)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_malformed_file_has_its_expected_outcome(string file, string expect, int line, string fragment)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, file));
        if (expect == "error")
        {
            await AssertRefusedAsync(bytes, file, line, fragment);
        }
        else
        {
            var plan = await ImportAsync(bytes, file);
            Assert.False(plan.HasErrors, string.Join("\n", plan.Diagnostics));
            Assert.True(plan.Applied);
            if (fragment.Length > 0)
            {
                var warning = Assert.Single(plan.Diagnostics);
                Assert.Equal((Severity.Warning, line), (warning.Severity, warning.Line));
                Assert.Contains(fragment, warning.Message);
            }
        }
    }

    [Fact]
    public async Task A_ten_megabyte_line_is_refused_and_changes_nothing()
    {
        var bytes = Encoding.UTF8.GetBytes(Newsletters.With("# 标准和指南\n\n### 标题\n\n" + new string('湿', 10 * 1024 * 1024 / 3) + "\n"));
        Assert.True(bytes.Length > 10_000_000);
        await AssertRefusedAsync(bytes, "long-line.md", 1, "at most 1,048,576 bytes");
    }

    [Fact]
    public async Task A_file_just_over_one_megabyte_is_refused_and_one_just_under_imports()
    {
        var entry = "### 条目 {0}\nslug: big-{0}\n\n" + new string('林', 300) + "\n\n";
        var body = new StringBuilder("---\nslug: big\ntitle: 大文件\nyear: 2021\nmonth: 11\n---\n\n# 研究和观点\n\n");
        var n = 0;
        while (Encoding.UTF8.GetByteCount(body.ToString()) < NewsletterReader.MaxBytes - 1000)
        {
            body.AppendFormat(System.Globalization.CultureInfo.InvariantCulture, entry, n++);
        }
        Assert.True((await ImportAsync(Encoding.UTF8.GetBytes(body.ToString()), "just-under.md")).Applied);

        body.Append(new string('林', 1000));
        await AssertRefusedAsync(Encoding.UTF8.GetBytes(body.ToString().Replace("slug: big", "slug: bigger", StringComparison.Ordinal)), "oversize.md", 1, "at most 1,048,576 bytes");
    }

    [Fact]
    public async Task Script_and_javascript_payloads_import_but_never_reach_a_page()
    {
        foreach (var file in new[] { "script-payload.md", "javascript-links-in-summary.md" })
        {
            await ImportAsync(await File.ReadAllBytesAsync(Path.Combine(_folder, file)), file);
        }
        await using var db = _database.Open();
        foreach (var entry in db.Entries.Where(e => e.Slug == "script-a" || e.Slug == "js-a").ToList())
        {
            // Escaped text such as "&lt;script&gt;" is harmless; what must not exist are live elements and attributes.
            var elements = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(MarkdownRenderer.ToHtml(entry.Summary)).Body!.QuerySelectorAll("*");
            Assert.NotEmpty(elements);
            Assert.DoesNotContain(elements, e => e.LocalName is "script" or "iframe" or "object" or "embed");
            Assert.All(elements.SelectMany(e => e.Attributes), a =>
            {
                Assert.False(a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), a.Name);
                Assert.DoesNotMatch("(?i)^\\s*(javascript|data|vbscript):", a.Value);
            });
        }
        Assert.Contains("href=\"https://example.org\"", MarkdownRenderer.ToHtml(db.Entries.Single(e => e.Slug == "js-a").Summary));
    }

    private async Task<ImportPlan> ImportAsync(byte[] bytes, string file)
    {
        var parsed = NewsletterParser.Parse(bytes, file);
        if (parsed.Document is null)
        {
            return ImportPlan.Failed(file, parsed.Diagnostics);
        }
        await using var db = _database.Open();
        var plan = await new CatalogueImporter(db).ImportAsync(parsed.Document, dryRun: false);
        return plan with { Diagnostics = [.. parsed.Diagnostics, .. plan.Diagnostics] };
    }

    private async Task AssertRefusedAsync(byte[] bytes, string file, int line, string fragment)
    {
        var before = FileHash();
        var plan = await ImportAsync(bytes, file);
        Assert.True(plan.HasErrors, $"{file} was accepted");
        Assert.False(plan.Applied);
        var errors = plan.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.All(errors, e => Assert.Equal(file, e.File));
        Assert.Contains(errors, e => (line == 0 || e.Line == line) && e.Message.Contains(fragment, StringComparison.Ordinal));
        Assert.Equal(before, FileHash());
    }

    /// <summary>
    /// On SQLite the database file's bytes, after moving everything from the WAL into it; on
    /// PostgreSQL, which has no file of its own per database, every row of every table.
    /// </summary>
    private string FileHash()
    {
        if (TestEngine.IsPostgres)
        {
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(_database.Dump())));
        }
        var path = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        return Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
    }
}
