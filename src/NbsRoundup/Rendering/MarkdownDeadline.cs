using System.Diagnostics;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace NbsRoundup.Rendering;

/// <summary>
/// Reads Markdown under a time budget. Markdig cannot be cancelled, so a pipeline built with
/// <see cref="AddTo"/> carries a watchdog: an inline parser that Markdig asks first at every
/// character that may open a link, an image, emphasis or code (where its slow cases spend their
/// time) and that never matches; past the deadline it stops the parse by throwing. Between two of
/// its checks Markdig does at most one scan of the paragraph, so a parse stops within
/// milliseconds of its budget. Whatever the bounds of <see cref="MarkdownLimits"/> let through is
/// read in time or refused, never left running.
/// </summary>
public static class MarkdownDeadline
{
    [ThreadStatic]
    private static Watch? _watch;

    /// <summary>Adds the watchdog in front of the pipeline's inline parsers; call last, after the extensions.</summary>
    public static MarkdownPipelineBuilder AddTo(MarkdownPipelineBuilder builder)
    {
        builder.InlineParsers.Insert(0, new Watchdog());
        return builder;
    }

    /// <summary>
    /// Parses within the budget, or throws <see cref="MarkdownTooComplexException"/> naming the line
    /// (1-based) where it stopped: past the budget, or nested past Markdig's own depth limit.
    /// </summary>
    public static MarkdownDocument Parse(string text, MarkdownPipeline pipeline, TimeSpan budget)
    {
        var watch = new Watch(Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds * Stopwatch.Frequency), (int)budget.TotalMilliseconds);
        var outer = _watch;
        _watch = watch;
        try
        {
            var document = Markdown.Parse(text, pipeline);
            // Some of Markdig's work (a pipe table's cells) runs after the last inline the watchdog
            // sees; a parse that finished past its deadline is refused all the same.
            if (Stopwatch.GetTimestamp() > watch.Deadline)
            {
                throw new TimeUp();
            }
            return document;
        }
        catch (TimeUp)
        {
            throw new MarkdownTooComplexException(new MarkdownProblem(MarkdownLimit.Time, watch.Line + 1, (int)Stopwatch.GetElapsedTime(watch.Started).TotalMilliseconds, watch.BudgetMs));
        }
        catch (ArgumentException ex) when (ex.Message.Contains("depth limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new MarkdownTooComplexException(new MarkdownProblem(MarkdownLimit.Depth, watch.Line + 1, 128, MarkdownLimits.MaxDepth));
        }
        finally
        {
            _watch = outer;
        }
    }

    private sealed class Watch(long deadline, int budgetMs)
    {
        public long Started { get; } = Stopwatch.GetTimestamp();
        public long Deadline { get; } = deadline;
        public int BudgetMs { get; } = budgetMs;
        /// <summary>0-based line of the paragraph being read.</summary>
        public int Line { get; set; }
    }

    private sealed class TimeUp : Exception;

    private sealed class Watchdog : InlineParser
    {
        // Every character at which Markdig's link, emphasis, code and table parsers start their work.
        public Watchdog() => OpeningCharacters = ['[', ']', '!', '*', '_', '`', '<', '~', '^', '+', '=', '|'];

        public override bool Match(InlineProcessor processor, ref StringSlice slice)
        {
            if (_watch is { } watch)
            {
                watch.Line = processor.Block?.Line ?? watch.Line;
                if (Stopwatch.GetTimestamp() > watch.Deadline)
                {
                    throw new TimeUp();
                }
            }
            return false;
        }
    }
}
