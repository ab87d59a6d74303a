using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Accessibility;

/// <summary>
/// The editors' pages axe cannot reach from ReaderPages: those behind the sign-in, and the
/// sign-in and entry forms as they look after a mistake, with their error summaries.
/// </summary>
[Collection(BrowserTests.Name)]
public class EditorPageAccessibilityTests(BrowserPortal browser)
{
    private static readonly Dictionary<string, Reader> _languages = new()
    {
        ["chinese"] = Reader.Desktop,
        ["english"] = Reader.EnglishDesktop,
    };

    // Titles far apart, so that neither draft is taken for a duplicate of the other.
    private static readonly Dictionary<string, (string Slug, string Title)> _drafts = new()
    {
        ["chinese"] = ("draft-mangrove-nursery-log", "红树林苗圃育苗记录"),
        ["english"] = ("draft-seagrass-survey-plan", "海草床季度监测计划"),
    };

    // An outlined button, a filled one, and the outlined one on the green header; "fill from link" beside its field.
    private static readonly string[] _editorButtons = ["button[formaction*='handler=Preview']", "main form button.primary", ".sign-out button", "button[data-fill]"];

    [Theory]
    [InlineData("chinese")]
    [InlineData("english")]
    public async Task A_refused_sign_in_has_no_serious_accessibility_problems(string language) =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/account/sign-in");
            await page.Locator("#Input_Email").FillAsync("nobody@example.org");
            await page.Locator("#Input_Password").FillAsync("not the password at all");
            await page.Locator("main form button[type=submit]").ClickAsync();

            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, _languages[language], label: language);

    [Theory]
    [InlineData("chinese")]
    [InlineData("english")]
    public async Task The_entry_forms_have_no_serious_accessibility_problems_new_opened_previewed_or_refused(string language) =>
        await browser.VisitAsync(async page =>
        {
            await browser.Editor.SignInAsync(page);
            await page.GotoAsync("/admin/issues/2021-11/entries/new?section=research");
            await Axe.AssertNoSeriousViolationsAsync(page);

            await page.GotoAsync("/admin/entries/corporate-net-zero-standard/edit");
            await Axe.AssertNoSeriousViolationsAsync(page);

            await page.Locator("button[formaction*='handler=Preview']").ClickAsync();
            await Expect(page.Locator("section.preview")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);

            // A date the portal cannot read: refused by the server, with the error summary and the field's message.
            await page.Locator("#Input_Date").FillAsync("someday soon");
            await page.Locator("main form button.primary").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, _languages[language], label: language);

    [Fact]
    public async Task Buttons_keep_readable_text_under_the_pointer() =>
        await browser.VisitAsync(async page =>
        {
            // axe reads the styles as they are, :hover included, while the pointer rests on the button.
            await page.GotoAsync("/entries?q=湿地");
            await page.Locator("form[role=search] button").HoverAsync();
            await Axe.AssertNoSeriousViolationsAsync(page, within: "form[role=search] .actions");

            await browser.Editor.SignInAsync(page);
            await page.GotoAsync("/admin/entries/corporate-net-zero-standard/edit");
            foreach (var button in _editorButtons)
            {
                await page.Locator(button).HoverAsync();
                await Axe.AssertNoSeriousViolationsAsync(page, within: button);
            }
        });

    [Theory]
    [InlineData("chinese")]
    [InlineData("english")]
    public async Task The_work_list_the_format_guide_and_a_draft_shown_to_its_editor_have_no_serious_accessibility_problems(string language) =>
        await browser.VisitAsync(async page =>
        {
            await browser.Editor.SignInAsync(page);
            await page.GotoAsync("/admin/worklist?issue=2021-11");
            await Expect(page.Locator(".work-counts")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);

            await page.GotoAsync("/admin/upload/format");
            await Axe.AssertNoSeriousViolationsAsync(page);

            // An impossible date, warned on the form as the importer warns.
            await page.GotoAsync("/admin/entries/uk-footprint-on-global-biodiversity/edit");
            await Expect(page.Locator("#date-warning")).ToBeVisibleAsync();
            await Axe.AssertNoSeriousViolationsAsync(page);

            // A draft of its own, saved on the form, then seen as readers will see it: with the draft banner.
            var (slug, title) = _drafts[language];
            await page.GotoAsync("/admin/issues/2021-11/entries/new?section=research");
            await page.Locator("#Input_Title").FillAsync(title);
            await page.Locator("#Input_Summary").FillAsync("还没有发布：只有编辑能看到。");
            await page.Locator("#Input_Draft").CheckAsync();
            await page.Locator("#Input_Slug").FillAsync(slug);
            await page.Locator("main form button.primary").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/admin/issues/2021-11#{slug}$"));
            await page.GotoAsync($"/entries/{slug}");
            await Expect(page.Locator(".draft-banner")).ToBeVisibleAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync(title);
            await Axe.AssertNoSeriousViolationsAsync(page);
        }, _languages[language], label: language);
}
