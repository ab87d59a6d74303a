using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NbsRoundup.Browser.Tests.Journeys;

/// <summary>Moving through pages as a keyboard user does: Tab and Enter, never the mouse.</summary>
public static class KeyboardReader
{
    private const string FocusScript = """
        selector => {
            const e = document.activeElement;
            if (!e || e === document.body) {
                return { html: '<body>', indicated: true, matches: false };
            }
            const s = getComputedStyle(e);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
            return { html: e.outerHTML.slice(0, 160), indicated: outline || s.boxShadow !== 'none', matches: e.matches(selector) };
        }
        """;

    /// <summary>
    /// Presses Tab until the focused element matches the selector, checking at every stop that
    /// the reader can see where the focus is (an outline or a box shadow under :focus-visible).
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 200)
    {
        for (var presses = 1; presses <= maxPresses; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await page.EvaluateAsync<JsonElement>(FocusScript, selector);
            var html = focus.GetProperty("html").GetString();
            Assert.True(focus.GetProperty("indicated").GetBoolean(), $"Tab stop {presses} shows no focus indicator: {html}");
            if (focus.GetProperty("matches").GetBoolean())
            {
                return;
            }
        }
        Assert.Fail($"{maxPresses} presses of Tab never reached {selector} on {page.Url}");
    }

    /// <summary>Enter on the focused link, and wait for the page it should lead to.</summary>
    public static async Task FollowAsync(IPage page, Regex expectedAddress)
    {
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(expectedAddress);
    }

    /// <summary>Every form field says what it is for: a label, aria-label or aria-labelledby.</summary>
    public static async Task AssertFormFieldsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]):not([type=submit]):not([type=button]), select, textarea')]
                .filter(f => f.labels.length === 0 && !f.getAttribute('aria-label') && !f.getAttribute('aria-labelledby'))
                .map(f => f.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"Form fields without a label on {page.Url}: {string.Join(", ", unlabelled)}");
    }
}
