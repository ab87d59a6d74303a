using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace NbsRoundup.Testing;

/// <summary>
/// Kestrel on 127.0.0.1, on two random ports, serving pages modelled on the kinds of link editors paste:
/// a journal article, a report page, a Chinese government notice in GBK, PDFs, a DOI resolver, redirects,
/// a page that never answers and a 50 MB body. The second port is for showing that the address rule
/// refuses loopback while the first is exempted for a test. Every request is recorded (<see cref="Received"/>):
/// what a client sent and when, for tests of the User-Agent, of pauses and of how many requests run at once.
/// Shared by the catalogue, web and browser suites (tests/Shared), with its pages in tests/Shared/Fixtures/Lookup.
/// </summary>
public sealed class LookupFixtureServer : IAsyncLifetime
{
    public const string KnownDoi = "10.1111/gcb.15513";
    public const string LandingPageDoi = "10.5846/stxb202101010001";
    public const long HugeBytes = 50L * 1024 * 1024;
    public const long FastBytes = 6L * 1024 * 1024;

    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private WebApplication? _app;
    private long _hugeBytesSent;
    private TaskCompletionSource _hugeEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Port { get; private set; }
    public int OtherPort { get; private set; }
    public string Origin => $"http://127.0.0.1:{Port}";

    public Uri Url(string pathAndQuery) => new($"{Origin}{pathAndQuery}");

    /// <summary>Bytes of the 50 MB body the server managed to send before the client hung up.</summary>
    public long HugeBytesSent => Interlocked.Read(ref _hugeBytesSent);

    /// <summary>Waits until the 50 MB response has ended, by finishing or by the client going away.</summary>
    public Task HugeEnded => _hugeEnded.Task;

    /// <summary>Every request received so far, in the order they arrived.</summary>
    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public void ResetHuge()
    {
        Interlocked.Exchange(ref _hugeBytesSent, 0);
        _hugeEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task InitializeAsync()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0);
        });
        _app = builder.Build();
        Map(_app);
        await _app.StartAsync();
        var ports = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a).Port).ToList();
        Port = ports[0];
        OtherPort = ports[1];
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }

    private void Map(WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            var request = new ReceivedRequest(context.Request.Method, context.Request.Host.Value ?? "",
                context.Connection.LocalPort, $"{context.Request.Path}{context.Request.QueryString}",
                context.Request.Headers.UserAgent.ToString(), _clock.Elapsed);
            _received.Enqueue(request);
            try
            {
                await next(context);
            }
            finally
            {
                request.Answered = _clock.Elapsed;
            }
        });

        var pdf = MangroveReportPdf();
        var pdfWithInfo = ReportPdfWithInformation();

        app.MapGet("/doi/full/10.1111/gcb.15513", (HttpContext c) => Page(c, "journal-article.html"));
        app.MapGet("/research/mangroves", (HttpContext c) => Page(c, "report-page.html"));
        app.MapGet("/xxgk2018/notice.shtml", async (HttpContext c) =>
        {
            // As older gov.cn sites serve it: GBK bytes, no charset in the header, only in <meta http-equiv>.
            var html = Fixture("government-notice.html").Replace("{{origin}}", Origin, StringComparison.Ordinal);
            c.Response.ContentType = "text/html";
            await c.Response.Body.WriteAsync(Encoding.GetEncoding("GB18030").GetBytes(html));
        });
        app.MapGet("/articles/stxb202101010001", (HttpContext c) => Page(c, "chinese-journal-article.html"));
        app.MapGet("/news/kunming", (HttpContext c) => Page(c, "canonical-news.html"));
        app.MapGet("/news/standard-launch", (HttpContext c) => Page(c, "template-canonical.html"));
        // An IUCN page that names its publisher by the catalogue's alias for IUCN, not by its name.
        app.MapGet("/news/coastal-wetlands", (HttpContext c) => Page(c, "alias-publisher.html"));
        app.MapGet("/reports/mangroves.pdf", () => Results.Bytes(pdf, "application/pdf"));
        // Printed by Chromium from mangrove-manual.source.html (NOTES.md): real CJK fonts, and the page's
        // <title>, a file name here as in many exported reports, as the document's Title.
        app.MapGet("/reports/mangrove-manual.pdf", () => Results.File(FixturePath("mangrove-manual.pdf"), "application/pdf"));
        app.MapGet("/reports/nbs-mitigation.pdf", () => Results.Bytes(pdfWithInfo, "application/octet-stream"));
        app.MapGet("/data/archive.zip", () => Results.Bytes(new byte[] { 0x50, 0x4B, 3, 4 }, "application/zip"));

        // A DOI resolver that negotiates content as doi.org does, for one DOI; another redirects to its landing page.
        app.MapGet("/doi/{**doi}", (HttpContext c, string doi) =>
        {
            if (doi.Equals(LandingPageDoi, StringComparison.OrdinalIgnoreCase))
            {
                return Results.Redirect($"{Origin}/articles/stxb202101010001");
            }
            if (!doi.Equals(KnownDoi, StringComparison.OrdinalIgnoreCase))
            {
                return Results.NotFound();
            }
            return c.Request.Headers.Accept.ToString().Contains("application/vnd.citationstyles.csl+json", StringComparison.Ordinal)
                ? Results.Text(Fixture("gcb.15513.csl.json"), "application/vnd.citationstyles.csl+json")
                : Results.Redirect($"{Origin}/doi/full/10.1111/gcb.15513");
        });

        app.MapGet("/redirect/{count:int}", (int count) => count > 0
            ? Results.Redirect($"/redirect/{count - 1}")
            : Results.Content("<html><head><title>Arrived after the redirects</title></head><body></body></html>", "text/html"));
        // An open redirect, as many sites' "out" links are.
        app.MapGet("/go", (string to) => Results.Redirect(to));
        app.MapMethods("/head-refused", ["GET", "HEAD"], (HttpContext c) =>
            c.Request.Method == "HEAD" ? Results.StatusCode(405) : Results.Content("<html><title>ok</title></html>", "text/html"));
        app.MapMethods("/gone", ["GET", "HEAD"], () => Results.NotFound());
        // Answers HEAD and GET after holding the request: how many requests a client has open at once shows.
        app.MapMethods("/hold/{milliseconds:int}", ["GET", "HEAD"], async (int milliseconds, HttpContext c) =>
        {
            await Task.Delay(milliseconds, c.RequestAborted);
            return Results.Content("<html><title>held</title></html>", "text/html");
        });

        app.MapGet("/slow", async (HttpContext c) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
            return Results.Ok();
        });
        app.MapGet("/slow-body", async (HttpContext c) =>
        {
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync("<html><head><title>Slow", c.RequestAborted);
            await c.Response.Body.FlushAsync(c.RequestAborted);
            await Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted);
        });
        app.MapGet("/huge", (HttpContext c) => Huge(c, declareLength: false));
        app.MapGet("/huge-declared", (HttpContext c) => Huge(c, declareLength: true));
    }

    /// <summary>
    /// 50 MB of HTML: the first 6 MB at full speed, the rest a chunk every 100 ms, so that a client that
    /// read it all would take over a minute. What the server got out is counted; loopback sockets buffer
    /// megabytes, so only the slow part tells what the client really read.
    /// </summary>
    private async Task Huge(HttpContext context, bool declareLength)
    {
        context.Response.ContentType = "text/html";
        if (declareLength)
        {
            context.Response.ContentLength = HugeBytes;
        }
        var chunk = Encoding.ASCII.GetBytes(new string(' ', 64 * 1024));
        try
        {
            // Kestrel turns writes after the client has gone into no-ops: stop when it has.
            while (Interlocked.Read(ref _hugeBytesSent) < HugeBytes && !context.RequestAborted.IsCancellationRequested)
            {
                if (Interlocked.Read(ref _hugeBytesSent) >= FastBytes)
                {
                    await Task.Delay(100, context.RequestAborted);
                }
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                Interlocked.Add(ref _hugeBytesSent, chunk.Length);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or InvalidOperationException)
        {
            // The client hung up: what the test wants.
        }
        finally
        {
            _hugeEnded.TrySetResult();
        }
    }

    private Task Page(HttpContext context, string name)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(Fixture(name).Replace("{{origin}}", Origin, StringComparison.Ordinal));
    }

    public static string Fixture(string name) => File.ReadAllText(FixturePath(name));

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Lookup", name);

    /// <summary>
    /// A report as design software exports it: document information without a title (InDesign's name in
    /// Creator, the PDF library in Producer), the title large on the cover, a date in small print.
    /// </summary>
    public static byte[] MangroveReportPdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Creator = "Adobe InDesign 16.4 (Windows)";
        builder.DocumentInformation.Producer = "Adobe PDF Library 15.0";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("GLOBAL MANGROVE ALLIANCE", 11, new PdfPoint(50, 790), bold);
        page.AddText("The State of the World's", 30, new PdfPoint(50, 640), bold);
        page.AddText("Mangroves 2021", 30, new PdfPoint(50, 602), bold);
        page.AddText("Tracking the extent, loss and restoration of mangrove forests", 14, new PdfPoint(50, 560), regular);
        page.AddText("October 2021", 11, new PdfPoint(50, 520), regular);
        page.AddText("Mangroves protect the coasts of more than 100 countries and store carbon in their soils.", 10, new PdfPoint(50, 300), regular);
        page.AddText("This report is the work of the alliance and its partners, with data from 2020 and before.", 10, new PdfPoint(50, 286), regular);
        return builder.Build();
    }

    /// <summary>A report whose document information is filled in properly (title, an author and an organisation).</summary>
    public static byte[] ReportPdfWithInformation()
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = "Nature-based solutions for climate change mitigation";
        builder.DocumentInformation.Author = "Nathalie Seddon; United Nations Environment Programme";
        builder.DocumentInformation.Creator = "Microsoft Word for Microsoft 365";
        var regular = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        page.AddText("UNEP", 40, new PdfPoint(50, 760), regular);
        page.AddText("Nature-based solutions for", 24, new PdfPoint(50, 640), regular);
        page.AddText("climate change mitigation", 24, new PdfPoint(50, 612), regular);
        page.AddText("Nairobi, 5 November 2021", 10, new PdfPoint(50, 560), regular);
        return builder.Build();
    }
}

/// <summary>A request the fixture server received, with when it arrived and when its answer was written.</summary>
/// <param name="Method">GET, HEAD ...</param>
/// <param name="Host">The Host header, "127.0.0.1:41234".</param>
/// <param name="LocalPort">The server port it came in on.</param>
/// <param name="PathAndQuery">"/go?to=..."</param>
/// <param name="UserAgent">The User-Agent header; empty when there was none.</param>
/// <param name="Arrived">When it arrived, on the server's clock.</param>
public sealed record ReceivedRequest(string Method, string Host, int LocalPort, string PathAndQuery, string UserAgent, TimeSpan Arrived)
{
    /// <summary>When the server had answered it; null while it is still being answered.</summary>
    public TimeSpan? Answered { get; set; }
}
