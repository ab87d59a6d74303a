using Microsoft.Playwright;

namespace NbsRoundup.Browser.Tests;

/// <summary>Screenshots of failed tests, kept as test output under TestResults/screenshots/.</summary>
public static class FailureScreenshots
{
    public static string Folder { get; } = FindFolder();

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        var path = Path.Combine(Folder, string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_')) + ".png");
        try
        {
            Directory.CreateDirectory(Folder);
            await page.ScreenshotAsync(new() { Path = path, FullPage = false });
            return path;
        }
        catch (PlaywrightException e)
        {
            // A page that crashed cannot be photographed; the failure itself still matters more.
            return $"(none: {e.Message})";
        }
    }

    /// <summary>NBS_SCREENSHOTS, else TestResults/screenshots at the repository root, where test.sh keeps its results.</summary>
    private static string FindFolder()
    {
        if (Environment.GetEnvironmentVariable("NBS_SCREENSHOTS") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NbsRoundup.sln")))
            {
                return Path.Combine(dir.FullName, "TestResults", "screenshots");
            }
        }
        return Path.Combine(AppContext.BaseDirectory, "screenshots");
    }
}

/// <summary>A browser test failed; the message says where its screenshot is.</summary>
public sealed class BrowserTestFailedException(string message, Exception inner) : Exception(message, inner);
