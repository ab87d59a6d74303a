using System.Globalization;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;

namespace NbsRoundup.Browser.Tests.Accessibility;

/// <summary>axe-core on the page as the browser shows it. Any test that has reached a page can call it.</summary>
public static class Axe
{
    // axe-core as Deque.AxeCore.Playwright bundles it. Its RunAxe() runs axe in parts and
    // finishes in a fresh blank page, for iframes we do not have: about a second per call,
    // where axe.run on the page itself takes 0.1 s (home) to 0.4 s (a whole issue).
    private static readonly string _axeSource = new BundledAxeScriptProvider().GetScript();

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// No serious or critical violations: those block or badly hinder readers who use a screen
    /// reader, a keyboard or low vision. Moderate and minor ones are left to judgement.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string? within = null)
    {
        var serious = (await ViolationsAsync(page, within)).Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, Report(page.Url, serious));
    }

    /// <summary>axe's violations on the whole page, or only in the first element matching the selector.</summary>
    public static async Task<IReadOnlyList<Violation>> ViolationsAsync(IPage page, string? within = null)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await page.EvaluateAsync(_axeSource);
        }
        // Only violations are asked for: axe then skips detailing the hundreds of passing elements.
        var json = await page.EvaluateAsync<string>(
            "async within => JSON.stringify((await axe.run(within ? document.querySelector(within) : document, { resultTypes: ['violations'] })).violations)",
            within);
        return JsonSerializer.Deserialize<Violation[]>(json, _json)!;
    }

    private static string Report(string url, List<Violation> violations)
    {
        var inv = CultureInfo.InvariantCulture;
        var report = new StringBuilder(string.Create(inv, $"axe found {violations.Count} serious or critical problems on {url}:"));
        foreach (var violation in violations)
        {
            report.AppendLine().Append(inv, $"- {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Count} elements, {violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(3))
            {
                report.AppendLine().Append(inv, $"    {string.Join(" ", node.Target)}: {node.Html}");
                report.AppendLine().Append(inv, $"      {node.FailureSummary?.ReplaceLineEndings(" ")}");
            }
        }
        return report.ToString();
    }

    /// <summary>One rule that failed, as axe reports it.</summary>
    public sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, IReadOnlyList<FailedElement> Nodes);

    /// <summary>An element that failed a rule: its CSS path, its HTML, and axe's advice.</summary>
    public sealed record FailedElement(IReadOnlyList<JsonElement> Target, string Html, string? FailureSummary);
}
