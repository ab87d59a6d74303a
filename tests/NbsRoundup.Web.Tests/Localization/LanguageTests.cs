using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Tests.Localization;

public partial class LanguageTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private async Task<AngleSharp.Html.Dom.IHtmlDocument> GetAsync(string url, string? acceptLanguage = null, string? cookie = null)
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }
        var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Chinese_is_the_default()
    {
        var page = await GetAsync("/issues/2021-11");

        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("目录", page.QuerySelector("#toc-title")!.TextContent);
        Assert.Equal("2021年10月", page.GetElementById("corporate-net-zero-standard")!.QuerySelector("time")!.TextContent);
    }

    [Fact]
    public async Task An_english_browser_gets_the_english_interface_and_english_dates()
    {
        var page = await GetAsync("/issues/2021-11", acceptLanguage: "en-GB,en;q=0.9");

        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Contents", page.QuerySelector("#toc-title")!.TextContent);
        Assert.Equal("October 2021", page.GetElementById("corporate-net-zero-standard")!.QuerySelector("time")!.TextContent);
        Assert.Equal("21 September 2021", page.GetElementById("tnc-foodscales-food-system-transition")!.QuerySelector("time")!.TextContent);
        Assert.StartsWith("Standards and guidelines", page.QuerySelector("#standards-title")!.TextContent);
        Assert.Contains("November 2021 · Vol.3 (No. 3)", page.QuerySelector(".issue-meta")!.TextContent);
    }

    [Fact]
    public async Task Content_keeps_its_language_whatever_the_interface()
    {
        var page = await GetAsync("/issues/2021-11", acceptLanguage: "en");

        var entry = page.GetElementById("corporate-net-zero-standard")!;
        Assert.Equal("zh-CN", entry.GetAttribute("lang"));
        Assert.Equal("《企业净零标准》", entry.QuerySelector(".entry-title")!.TextContent.Trim());
        Assert.Equal("en", entry.QuerySelector(".original-title")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task The_switch_remembers_the_choice_in_a_cookie_and_goes_back()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture?c=en&returnUrl=%2Fsections%2Fcop26");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/sections/cop26", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("HttpOnly", cookie, StringComparison.OrdinalIgnoreCase);

        var page = await GetAsync("/sections/cop26", acceptLanguage: "zh-CN", cookie: cookie.Split(';')[0]);
        Assert.Equal("NbS at UNFCCC COP26", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task The_switch_never_sends_readers_to_another_site()
    {
        using var client = portal.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture?c=en&returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Every_page_offers_the_other_language()
    {
        var chinese = await GetAsync("/entries/corporate-net-zero-standard");
        var english = await GetAsync("/entries/corporate-net-zero-standard", acceptLanguage: "en");

        Assert.Equal("/culture?c=en&returnUrl=%2Fentries%2Fcorporate-net-zero-standard", chinese.QuerySelector("nav.language a")!.GetAttribute("href"));
        Assert.Equal("中文", english.QuerySelector("nav.language a")!.TextContent);
    }

    [Fact]
    public void Every_interface_string_in_the_views_and_page_models_has_a_chinese_translation()
    {
        var web = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "NbsRoundup.Web"));
        var translated = File.ReadAllLines(Path.Combine(web, "Resources", "strings.zh-CN.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t')[0])
            .ToHashSet();
        var sources = Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        // T["..."] in views, t["..."] in page models, and validation messages of DataAnnotations attributes.
        var used = sources.SelectMany(s => LocalizedKey().Matches(s).Select(m => m.Groups[1].Value))
            .Concat(sources.SelectMany(s => ValidationMessage().Matches(s).Select(m => m.Groups[1].Value)))
            .ToHashSet();

        Assert.Contains("Enter the title.", used);
        Assert.Contains("Sign in", used);
        Assert.Empty(used.Except(translated));

        // What the portal serves, not the table: the resource compiler drops a name that differs from another
        // only in case ("All issues", "all issues"), and the dropped one then showed in English.
        var localizer = portal.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            Assert.Empty(used.Where(key => localizer[key].ResourceNotFound).Order(StringComparer.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    [Fact]
    public async Task Validation_messages_follow_the_language_of_the_page()
    {
        using var client = portal.CreateClient();
        var form = await Forms.GetAsync(client, "/account/sign-in");
        var chinese = await Forms.SubmitAsync(client, form, new() { ["Input.Email"] = "", ["Input.Password"] = "" });

        var page = await Forms.ReadAsync(chinese);
        Assert.Contains("请输入电子邮箱。", page.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);
        client.DefaultRequestHeaders.Add("Accept-Language", "en");
        var englishForm = await Forms.GetAsync(client, "/account/sign-in");
        var englishPage = await Forms.ReadAsync(await Forms.SubmitAsync(client, englishForm, new() { ["Input.Email"] = "" }));
        Assert.Contains("Enter your e-mail address.", englishPage.QuerySelector("[data-valmsg-for='Input.Email']")!.TextContent);
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedKey();

    [GeneratedRegex("""ErrorMessage = "((?:[^"\\]|\\.)*)""")]
    private static partial Regex ValidationMessage();
}
