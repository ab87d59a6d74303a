using System.Diagnostics;
using System.Globalization;
using System.Text;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using SharpFuzz;

// afl-fuzz hands each input on standard input; SharpFuzz reports the instrumented assemblies'
// (Markdig, YamlDotNet, NbsRoundup) branch coverage back to it. The target is chosen by the first
// argument or FUZZ_TARGET (fuzz/run.sh passes it):
//   parse   NewsletterParser.Parse must turn any bytes into a document or diagnostics: any exception
//           that escapes is a crash, and a run past afl's time-out a hang.
//   render  a summary or an introduction as the save pipeline renders it (MarkdownRenderer.Render:
//           the bounds, the parse under its deadline, links made safe, HtmlSanitizer). A bound that
//           refuses the text is an answer; any other exception is a crash, and so is a slow input:
//           one that runs out of the renderer's own time budget or takes longer than
//           FUZZ_RENDER_BUDGET_MS (default 500) in all, twice in a row (the second try keeps a busy
//           machine's pause from counting). afl's own time-out would only see inputs past seconds.
var budget = TimeSpan.FromMilliseconds(int.Parse(Environment.GetEnvironmentVariable("FUZZ_RENDER_BUDGET_MS") ?? "500", CultureInfo.InvariantCulture));
var warm = false;
var target = args.FirstOrDefault() ?? Environment.GetEnvironmentVariable("FUZZ_TARGET") ?? "parse";
Action<Stream> run = target switch
{
    "parse" => Parse,
    "render" => Render,
    _ => throw new ArgumentException($"unknown fuzz target '{target}': parse or render"),
};
Fuzzer.OutOfProcess.Run(run);

static void Parse(Stream stream)
{
    var result = NewsletterParser.Parse(ReadAll(stream), "fuzz.md");
    if (result.Document is null && !result.HasErrors)
    {
        // A file that is neither imported nor told why would leave an editor guessing.
        throw new InvalidOperationException("no document and no error");
    }
}

void Render(Stream stream)
{
    // The forms and the importer hand the renderer strings: decode as they do (invalid bytes become U+FFFD).
    var markdown = Encoding.UTF8.GetString(ReadAll(stream));
    if (!warm)
    {
        // Compiled before the first input is timed; only inside Run, where SharpFuzz has set up the
        // coverage map the instrumented code writes to.
        Timed("# warm *up* [a](https://example.org) ![i](https://example.org/i.png)\n\n> - `code` ~~s~~\n\n| a |\n|---|\n| b |");
        warm = true;
    }
    var first = Timed(markdown);
    if (first > budget && Timed(markdown) is var second && second > budget)
    {
        throw new TimeoutException($"rendering took {first.TotalMilliseconds:N0} ms and {second.TotalMilliseconds:N0} ms; the budget is {budget.TotalMilliseconds:N0} ms");
    }
}

// How long one render took; a text out of the renderer's time budget counts as past any budget.
static TimeSpan Timed(string markdown)
{
    var started = Stopwatch.GetTimestamp();
    try
    {
        MarkdownRenderer.Render(markdown);
    }
    catch (MarkdownTooComplexException ex) when (ex.Problem.Limit != MarkdownLimit.Time)
    {
        // Refused by a bound, with the line named: the answer an editor gets.
    }
    catch (MarkdownTooComplexException)
    {
        return TimeSpan.MaxValue;
    }
    return Stopwatch.GetElapsedTime(started);
}

static byte[] ReadAll(Stream stream)
{
    using var buffer = new MemoryStream();
    stream.CopyTo(buffer);
    return buffer.ToArray();
}
