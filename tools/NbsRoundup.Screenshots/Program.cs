using Microsoft.Playwright;

// Usage: NbsRoundup.Screenshots <portal address> <folder>
// Screenshots of the reader pages and the sign-in page at desktop and phone widths, as docs/screenshots.sh keeps them.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: NbsRoundup.Screenshots <portal address> <folder>");
    return 2;
}
var portal = args[0].TrimEnd('/');
var folder = Directory.CreateDirectory(args[1]).FullName;

// One line per page: its file name and address.
(string Name, string Path)[] pages =
[
    ("home", "/"),
    ("issue", "/issues/2021-11"),
    ("entry", "/entries/unep-iucn-nbs-climate-mitigation"),
    ("organisation", "/organisations/tnc"),
    ("catalogue", "/entries?q=湿地"),
    ("sign-in", "/account/sign-in"),
];
(string Name, int Width, int Height)[] windows = [("desktop", 1280, 800), ("phone", 390, 844)];

// Long pages are cut: the top of the issue tells how it looks, its seventy entries do not.
const int MaxHeight = 2400;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("NBS_CHROMIUM") is { Length: > 0 } chromium ? chromium : "/usr/bin/chromium",
    Headless = true,
    Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
foreach (var window in windows)
{
    await using var context = await browser.NewContextAsync(new()
    {
        Locale = "zh-CN",
        ViewportSize = new() { Width = window.Width, Height = window.Height },
    });
    var page = await context.NewPageAsync();
    foreach (var (name, path) in pages)
    {
        await page.GotoAsync(portal + path);
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        var file = Path.Combine(folder, $"{name}-{window.Name}.png");
        await page.ScreenshotAsync(new()
        {
            Path = file,
            FullPage = true,
            Clip = new() { X = 0, Y = 0, Width = window.Width, Height = Math.Min(height, MaxHeight) },
        });
        Console.WriteLine(Path.GetRelativePath(Environment.CurrentDirectory, file));
    }
}
return 0;
