using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using NbsRoundup.Testing;

namespace NbsRoundup.Browser.Tests;

/// <summary>
/// One portal and one Chromium for a whole test collection: starting Playwright's driver and
/// the browser costs seconds, a fresh browser context per test a fraction of one. Each test
/// gets its own context, so cookies (the language choice) never leak between tests.
/// </summary>
public sealed class BrowserPortal : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright's own browser download cannot run here, nor in CI.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("NBS_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Without the networking flags Chromium keeps calling home and is refused on a closed network.</summary>
    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public KestrelPortal Portal { get; private set; } = null!;

    /// <summary>An editor, made once for the collection; tests sign in with it in their own contexts.</summary>
    public EditorAccount Editor { get; private set; } = null!;

    public Uri BaseAddress => Portal.BaseAddress;

    /// <summary>Pages modelled on the ones editors paste links to, for "fill from link".</summary>
    public LookupFixtureServer Sites { get; } = new();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"No Chromium at {ChromiumPath}. Install Debian's (apt-get install -y chromium; ./test.sh does it when run as root) or set NBS_CHROMIUM.");
        }
        // The portal migrates and seeds while Playwright's driver and Chromium start: seconds saved.
        var portal = Task.Run(() => new KestrelPortal());
        await Sites.InitializeAsync();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
        Portal = await portal;
        Editor = await EditorAccount.AddAsync(Portal, "editor@example.org", "a passphrase long enough for ASVS");
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        _playwright?.Dispose();
        if (Portal is not null)
        {
            await Portal.DisposeAsync();
        }
        await Sites.DisposeAsync();
    }

    /// <summary>
    /// Runs one test's steps in a fresh page. When a step fails, a screenshot of the page as it
    /// was is saved under TestResults/screenshots/ and its path added to the failure message.
    /// </summary>
    public async Task VisitAsync(Func<IPage, Task> steps, Reader? reader = null, string? label = null, [CallerMemberName] string test = "")
    {
        await using var context = await NewContextAsync(reader ?? Reader.Desktop);
        var page = await context.NewPageAsync();
        try
        {
            await steps(page);
        }
        catch (Exception failure)
        {
            var screenshot = await FailureScreenshots.TakeAsync(page, label is null ? test : $"{test}-{label}");
            throw new BrowserTestFailedException($"{failure.Message}{Environment.NewLine}Page: {page.Url}{Environment.NewLine}Screenshot: {screenshot}", failure);
        }
    }

    /// <summary>
    /// An editor and a reader at the same time, each in a context of their own: the reader never
    /// shares the editor's sign-in cookie. A failure photographs both pages.
    /// </summary>
    public async Task VisitAsEditorAndReaderAsync(Func<IPage, IPage, Task> steps, Reader? editor = null, Reader? reader = null, [CallerMemberName] string test = "")
    {
        await using var editorContext = await NewContextAsync(editor ?? Reader.Desktop);
        await using var readerContext = await NewContextAsync(reader ?? Reader.Desktop);
        var editorPage = await editorContext.NewPageAsync();
        var readerPage = await readerContext.NewPageAsync();
        try
        {
            await steps(editorPage, readerPage);
        }
        catch (Exception failure)
        {
            var editorShot = await FailureScreenshots.TakeAsync(editorPage, $"{test}-editor");
            var readerShot = await FailureScreenshots.TakeAsync(readerPage, $"{test}-reader");
            throw new BrowserTestFailedException(
                $"{failure.Message}{Environment.NewLine}Editor's page: {editorPage.Url}, screenshot: {editorShot}" +
                $"{Environment.NewLine}Reader's page: {readerPage.Url}, screenshot: {readerShot}", failure);
        }
    }

    private Task<IBrowserContext> NewContextAsync(Reader reader) =>
        _browser!.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(),
            Locale = reader.Locale,
            ViewportSize = new() { Width = reader.Width, Height = reader.Height },
            JavaScriptEnabled = reader.JavaScript,
        });
}
