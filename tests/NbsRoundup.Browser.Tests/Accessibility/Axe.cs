using System.Globalization;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace NbsRoundup.Browser.Tests.Accessibility;

/// <summary>axe-core on the page as the browser shows it. Any test that has reached a page can call it.</summary>
public static class Axe
{
    /// <summary>
    /// No serious or critical violations: those block or badly hinder readers who use a screen
    /// reader, a keyboard or low vision. Moderate and minor ones are left to judgement.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        // Only violations are read: axe then skips detailing the hundreds of passing elements of an issue page.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, Report(page.Url, serious));
    }

    private static string Report(string url, List<AxeResultItem> violations)
    {
        var inv = CultureInfo.InvariantCulture;
        var report = new StringBuilder(string.Create(inv, $"axe found {violations.Count} serious or critical problems on {url}:"));
        foreach (var violation in violations)
        {
            report.AppendLine().Append(inv, $"- {violation.Impact} {violation.Id}: {violation.Help} ({violation.Nodes.Length} elements, {violation.HelpUrl})");
            foreach (var node in violation.Nodes.Take(3))
            {
                var why = string.Join(" ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message));
                report.AppendLine().Append(inv, $"    {node.Target}: {node.Html}").AppendLine().Append(inv, $"      {why}");
            }
        }
        return report.ToString();
    }
}
