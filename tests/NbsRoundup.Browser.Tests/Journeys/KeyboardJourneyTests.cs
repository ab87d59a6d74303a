using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace NbsRoundup.Browser.Tests.Journeys;

[Collection(BrowserTests.Name)]
public class KeyboardJourneyTests(BrowserPortal browser)
{
    [Fact]
    public async Task The_skip_link_is_the_first_tab_stop_and_moves_focus_to_the_content() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/issues/2021-11");

            await page.Keyboard.PressAsync("Tab");
            var skip = page.Locator(".skip-link");
            await Expect(skip).ToBeFocusedAsync();
            await Expect(skip).ToHaveTextAsync("跳到正文");
            await Expect(skip).ToBeInViewportAsync();

            await page.Keyboard.PressAsync("Enter");
            await Expect(page.Locator("main")).ToBeFocusedAsync();
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
                "the Tab after the skip link stays in the content");
        });

    [Fact]
    public async Task A_keyboard_reader_goes_from_the_home_page_through_an_issue_to_an_entry_and_its_organisation() =>
        await browser.VisitAsync(async page =>
        {
            await page.GotoAsync("/");
            await KeyboardReader.AssertFormFieldsLabelledAsync(page);
            await KeyboardReader.TabToAsync(page, "main a[href='/issues/2021-11']");
            await KeyboardReader.FollowAsync(page, new Regex("/issues/2021-11$"));

            await KeyboardReader.AssertFormFieldsLabelledAsync(page);
            await KeyboardReader.TabToAsync(page, "nav.toc a[href='#cop15']");
            await page.Keyboard.PressAsync("Enter");
            await Expect(page).ToHaveURLAsync(new Regex("#cop15$"));
            await Expect(page.Locator("#cop15-title")).ToBeInViewportAsync();
            // The jump moves the keyboard too: the next Tab lands in the section, not back in the contents.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('#cop15') !== null"),
                "the Tab after the jump lands in the COP15 section");

            await KeyboardReader.TabToAsync(page, "#cop15-forum-climate-biodiversity .entry-title a");
            await KeyboardReader.FollowAsync(page, new Regex("/entries/cop15-forum-climate-biodiversity$"));

            await KeyboardReader.AssertFormFieldsLabelledAsync(page);
            await KeyboardReader.TabToAsync(page, ".organisations a[href='/organisations/tnc']");
            await KeyboardReader.FollowAsync(page, new Regex("/organisations/tnc$"));
            await Expect(page.Locator("h1")).ToHaveTextAsync("The Nature Conservancy (TNC)");
            await Expect(page.Locator("article#cop15-forum-climate-biodiversity")).ToBeVisibleAsync();
        });
}
