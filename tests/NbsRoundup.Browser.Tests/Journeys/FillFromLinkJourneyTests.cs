using System.Text.RegularExpressions;
using Microsoft.Playwright;
using NbsRoundup.Browser.Tests.Accessibility;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

/// <summary>
/// An editor pastes a link into a new entry, fills the form from it, corrects the Chinese title and
/// saves; the entry then appears in its issue. By mouse in Chinese, by keyboard in English; axe on the
/// filled form. Each test reads a page of its own from the fixture server, so neither sees the other's
/// entry as a duplicate.
/// </summary>
[Collection(BrowserTests.Name)]
public class FillFromLinkJourneyTests(BrowserPortal browser)
{
    [Fact]
    public async Task An_editor_pastes_a_link_fills_the_form_corrects_the_Chinese_title_and_saves_it_into_the_issue() =>
        await browser.VisitAsync(async page =>
        {
            const string slug = "mangroves-2021-from-link";
            const string title = "《2021年全球红树林状况》";
            await browser.Editor.SignInAsync(page);
            await page.GotoAsync("/admin/issues/2021-11/entries/new?section=research");

            await page.GetByLabel("链接", new() { Exact = true }).FillAsync(browser.Sites.Url("/research/mangroves?utm_source=wechat").AbsoluteUri);
            await page.GetByRole(AriaRole.Button, new() { Name = "从链接填入" }).ClickAsync();

            await Expect(page.Locator("#Input_OriginalTitle")).ToHaveValueAsync("The State of the World's Mangroves 2021");
            await Expect(page.Locator("label[for='Input_OriginalTitle'] .filled-mark")).ToHaveTextAsync("从链接填入：JSON-LD");
            await Expect(page.Locator("#Input_Organisations")).ToHaveValueAsync("World Resources Institute; Global Mangrove Alliance");
            await Expect(page.Locator("#Input_Date")).ToHaveValueAsync("2021-10");
            await Expect(page.Locator("#Input_Link")).ToHaveValueAsync(browser.Sites.Url("/research/state-worlds-mangroves-2021").AbsoluteUri);
            await Expect(page.Locator("#Input_Title")).ToHaveValueAsync("");
            await Axe.AssertNoSeriousViolationsAsync(page);

            await page.GetByLabel("标题（按原文）").FillAsync(title);
            await page.GetByLabel("地址（slug）").FillAsync(slug);
            await page.GetByRole(AriaRole.Button, new() { Name = "添加条目" }).ClickAsync();

            await Expect(page).ToHaveURLAsync(new Regex($"/admin/issues/2021-11#{slug}$"));
            await page.GotoAsync("/issues/2021-11");
            var entry = page.Locator($"article#{slug}");
            await Expect(entry.Locator(".entry-title")).ToHaveTextAsync(title);
            await Expect(entry.Locator(".original-title")).ToHaveTextAsync("The State of the World's Mangroves 2021");
        }, Reader.Desktop);

    [Fact]
    public async Task A_keyboard_editor_fills_from_a_link_with_Enter_corrects_the_title_and_saves_in_English() =>
        await browser.VisitAsync(async page =>
        {
            const string slug = "message-right-from-link";
            const string title = "《正确传达基于自然的气候解决方案》";
            await browser.Editor.SignInAsync(page);
            await page.GotoAsync("/admin/issues/2021-11/entries/new?section=research");
            await KeyboardReader.AssertFormFieldsLabelledAsync(page);

            await KeyboardReader.TabToAsync(page, "#Input_Link");
            await page.Keyboard.TypeAsync(browser.Sites.Url("/doi/full/10.1111/gcb.15513").AbsoluteUri);
            // Enter in the link field fills the form from the link.
            await KeyboardReader.FollowAsync(page, new Regex("handler=Fill$"));
            await Expect(page.Locator("#Input_OriginalTitle")).ToHaveValueAsync("Getting the message right on nature‐based solutions to climate change");
            await Expect(page.Locator("label[for='Input_Authors'] .filled-mark")).ToHaveTextAsync("filled from the link: citation_* meta tags");
            await Expect(page.Locator("#Input_Authors")).ToHaveValueAsync("Nathalie Seddon et al.");
            await KeyboardReader.AssertFormFieldsLabelledAsync(page);
            await Axe.AssertNoSeriousViolationsAsync(page);

            await KeyboardReader.TabToAsync(page, "#Input_Title");
            await page.Keyboard.TypeAsync(title);
            await KeyboardReader.TabToAsync(page, "#Input_Slug");
            await page.Keyboard.TypeAsync(slug);
            await KeyboardReader.TabToAsync(page, "main form button.primary");
            await KeyboardReader.FollowAsync(page, new Regex($"/admin/issues/2021-11#{slug}$"));

            await page.GotoAsync("/issues/2021-11");
            await Expect(page.Locator($"article#{slug} .entry-title")).ToHaveTextAsync(title);
        }, Reader.EnglishDesktop);
}
