using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;
using NbsRoundup.Data;
using NbsRoundup.Testing;
using NbsRoundup.Web.Commands;

namespace NbsRoundup.Web.Tests.Hosting;

/// <summary>
/// Two portal instances on one database, as behind a load balancer: they share nothing else (and,
/// when the suite runs with NBS_TEST_REDIS, one Redis output cache).
/// </summary>
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

    private const string Slug = "corporate-net-zero-standard";

    private static async Task<string> ReadAsync(PortalFactory portal, string url)
    {
        using var reader = portal.CreateClient();
        var response = await reader.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The pages a change to the entry shows on, read twice on both instances so that both have them cached.</summary>
    private static readonly string[] _pages = [$"/entries/{Slug}", "/issues/2021-11", "/entries?q=净零", "/api/entries?q=净零", "/feed"];

    /// <summary>Imports the seed issue from the command line with one entry's title changed, as an editor's corrected file.</summary>
    private async Task ImportRetitledAsync(string suffix)
    {
        var content = ContentFiles.PathOf(ContentFiles.Vol3);
        var corrected = Path.Combine(Path.GetTempPath(), $"vol3-{Guid.NewGuid():N}.md");
        await File.WriteAllTextAsync(corrected, (await File.ReadAllTextAsync(content)).Replace("### 《企业净零标准》", "### 《企业净零标准》" + suffix, StringComparison.Ordinal));
        try
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.True(await CommandLine.RunAsync(["import", corrected, .. _first.DatabaseArguments], output, error) == 0, error.ToString());
        }
        finally
        {
            File.Delete(corrected);
        }
    }

    private async Task WarmBothAsync()
    {
        foreach (var portal in new[] { _first, _second })
        {
            foreach (var page in _pages)
            {
                await ReadAsync(portal, page);
                Assert.DoesNotContain("（第二版）", await ReadAsync(portal, page));
            }
        }
    }

    [Fact]
    public async Task An_entry_edited_on_one_instance_is_seen_on_the_other_at_the_next_request()
    {
        await WarmBothAsync();
        using var editor = await Editors.SignInAsync(_first, email: "edits@example.org");
        var form = await Forms.GetAsync(editor, $"/admin/entries/{Slug}/edit");

        var saved = await Forms.SubmitAsync(editor, form, new() { ["Input.Title"] = "《企业净零标准》（第二版）" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var page in _pages)
        {
            Assert.Contains("（第二版）", await ReadAsync(_second, page));
            Assert.Contains("（第二版）", await ReadAsync(_first, page));
        }
    }

    [Fact]
    public async Task An_import_from_the_command_line_is_seen_on_both_instances()
    {
        await WarmBothAsync();
        await ImportRetitledAsync("（第二版）");

        foreach (var page in _pages)
        {
            Assert.Contains("（第二版）", await ReadAsync(_first, page));
            Assert.Contains("（第二版）", await ReadAsync(_second, page));
        }
    }

    [Fact]
    public async Task A_page_cached_by_one_instance_is_served_by_the_other_from_the_cache_exactly_when_they_share_redis()
    {
        // Each instance's first request on a shared cache empties it (what it holds may predate changes made while
        // no instance ran): both have answered one before the page is made.
        await ReadAsync(_first, "/");
        await ReadAsync(_second, "/");
        var onFirst = await _first.CreateClient().GetAsync("/issues/2021-11");
        Assert.Null(onFirst.Headers.Age); // made, not cached

        var onSecond = await _second.CreateClient().GetAsync("/issues/2021-11");

        // The output cache answers with an Age; without Redis the second instance makes the page itself.
        Assert.Equal(TestEngine.Redis is not null, onSecond.Headers.Age is not null);
        Assert.Equal(await onFirst.Content.ReadAsStringAsync(), await onSecond.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_instance_started_after_an_import_made_while_none_ran_serves_the_new_pages()
    {
        // The first instance caches the issue page (in Redis, when the suite shares one), then stops.
        Assert.DoesNotContain("（第三版）", await ReadAsync(_second, "/issues/2021-11"));
        Assert.DoesNotContain("（第三版）", await ReadAsync(_second, "/issues/2021-11"));
        _second.Dispose();
        await ImportRetitledAsync("（第三版）");

        using var restarted = PortalFactory.On(_first.ConnectionString);

        Assert.Contains("（第三版）", await ReadAsync(restarted, "/issues/2021-11"));
    }

    [Fact]
    public async Task A_catalogue_restored_from_a_backup_under_running_instances_is_served_as_restored()
    {
        await WarmBothAsync();
        // A restore puts back older rows and an older change log: the log goes backwards, and nothing in it says what changed.
        TestEngine.Execute(_first.ConnectionString, "UPDATE \"Entries\" SET \"Title\" = '《企业净零标准》（第二版）' WHERE \"Slug\" = 'corporate-net-zero-standard'");
        TestEngine.Execute(_first.ConnectionString, "DELETE FROM \"ChangeRecords\" WHERE \"Id\" = (SELECT MAX(\"Id\") FROM \"ChangeRecords\")");

        foreach (var page in new[] { $"/entries/{Slug}", "/issues/2021-11" })
        {
            Assert.Contains("（第二版）", await ReadAsync(_first, page));
            Assert.Contains("（第二版）", await ReadAsync(_second, page));
        }
    }
}
