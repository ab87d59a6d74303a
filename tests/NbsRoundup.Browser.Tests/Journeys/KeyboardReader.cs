using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace NbsRoundup.Browser.Tests.Journeys;

/// <summary>Moving through pages as a keyboard user does: Tab and Enter, never the mouse.</summary>
public static class KeyboardReader
{
    // The focused element, and whether its outline stands out from what is behind it by 3:1
    // (WCAG 1.4.11, non-text contrast): an orange ring on a green header is there but unseen.
    private const string FocusScript = """
        selector => {
            const e = document.activeElement;
            if (!e || e === document.body) {
                return { html: '<body>', indicated: true, matches: false, contrast: 0 };
            }
            const rgb = c => { const m = c.match(/[\d.]+/g).map(Number); return { r: m[0], g: m[1], b: m[2], a: m.length > 3 ? m[3] : 1 }; };
            const channel = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
            const luminance = c => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
            let behind = { r: 255, g: 255, b: 255, a: 1 };
            for (let p = e.parentElement; p; p = p.parentElement) {
                const c = rgb(getComputedStyle(p).backgroundColor);
                if (c.a > 0) { behind = c; break; }
            }
            const s = getComputedStyle(e);
            const [light, dark] = [luminance(rgb(s.outlineColor)), luminance(behind)].sort((a, b) => b - a);
            const contrast = (light + 0.05) / (dark + 0.05);
            const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0 && contrast >= 3;
            return { html: e.outerHTML.slice(0, 160), indicated: outline || s.boxShadow !== 'none', matches: e.matches(selector), contrast };
        }
        """;

    /// <summary>
    /// Presses Tab (Shift+Tab when going backwards) until the focused element matches the
    /// selector, checking at every stop that the reader can see where the focus is (an outline
    /// of 3:1 contrast, or a box shadow).
    /// </summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 200, bool backwards = false)
    {
        var key = backwards ? "Shift+Tab" : "Tab";
        for (var presses = 1; presses <= maxPresses; presses++)
        {
            await page.Keyboard.PressAsync(key);
            var focus = await page.EvaluateAsync<JsonElement>(FocusScript, selector);
            var html = focus.GetProperty("html").GetString();
            Assert.True(focus.GetProperty("indicated").GetBoolean(),
                $"{key} stop {presses} shows no visible focus indicator (outline contrast {focus.GetProperty("contrast").GetDouble():0.00}:1): {html}");
            if (focus.GetProperty("matches").GetBoolean())
            {
                return;
            }
        }
        Assert.Fail($"{maxPresses} presses of {key} never reached {selector} on {page.Url}");
    }

    /// <summary>Enter on the focused link, and wait for the page it should lead to.</summary>
    public static async Task FollowAsync(IPage page, Regex expectedAddress)
    {
        // Listening before the key goes down: a fast navigation must not finish unseen.
        var arrived = page.WaitForURLAsync(expectedAddress);
        await page.Keyboard.PressAsync("Enter");
        await arrived;
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
