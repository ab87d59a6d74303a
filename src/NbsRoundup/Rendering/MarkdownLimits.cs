using System.Globalization;
using System.Runtime.CompilerServices;
using Markdig.Syntax;

namespace NbsRoundup.Rendering;

/// <summary>Which bound of <see cref="MarkdownLimits"/> a text goes past.</summary>
public enum MarkdownLimit
{
    /// <summary>Longer than <see cref="MarkdownLimits.MaxLength"/> characters.</summary>
    Length,
    /// <summary>Quotes or lists inside each other deeper than <see cref="MarkdownLimits.MaxDepth"/>.</summary>
    Depth,
    /// <summary>More `[` in one paragraph than <see cref="MarkdownLimits.MaxBrackets"/>.</summary>
    Brackets,
    /// <summary>More runs of emphasis or code marks in one paragraph than <see cref="MarkdownLimits.MaxMarks"/>.</summary>
    Marks,
    /// <summary>Parsing took longer than its time budget.</summary>
    Time,
}

/// <summary>
/// A bound a Markdown text goes past, where (1-based line of the text) and by how much. The description
/// is an English template ({0}: what was found, {1}: what is allowed) that the web translates.
/// </summary>
public sealed record MarkdownProblem(MarkdownLimit Limit, int Line, int Found, int Allowed)
{
    public string Template => Limit switch
    {
        MarkdownLimit.Length => "the text is {0:N0} characters long; at most {1:N0} are allowed",
        MarkdownLimit.Depth => "quotes or lists are nested {0} levels deep; at most {1} are allowed",
        MarkdownLimit.Brackets => "a paragraph has {0:N0} link or image brackets '['; at most {1:N0} are allowed",
        MarkdownLimit.Marks => "a paragraph has {0:N0} runs of emphasis or code marks (* _ ~ ^ `); at most {1:N0} are allowed",
        _ => "the text took longer than {1:N0} ms to read; simplify its links and emphasis from here on",
    };

    /// <summary>The template with what was found and what is allowed, for messages that are translated.</summary>
    public FormattableString Message => FormattableStringFactory.Create(Template, Found, Allowed);

    /// <summary>What is wrong, in English, without the line.</summary>
    public string Description => string.Format(CultureInfo.InvariantCulture, Template, Found, Allowed);

    /// <summary>Moves the problem to where its text starts in a larger file.</summary>
    public MarkdownProblem At(int firstLine) => this with { Line = Line + firstLine - 1 };

    public override string ToString() => $"line {Line}: {Description}";
}

/// <summary>Thrown when a text goes past a bound of <see cref="MarkdownLimits"/> or its time budget.</summary>
public sealed class MarkdownTooComplexException(MarkdownProblem problem) : Exception(problem.ToString())
{
    public MarkdownProblem Problem { get; } = problem;
}

/// <summary>
/// The bounds Markdown must keep for Markdig to read it in time. Markdig reads some texts in time
/// that grows with the square of their length: a run of unclosed links (`[a](` × 40,000 took
/// 21 s), of emphasis marks (`*a_` × 30,000), of code marks; and it refuses nesting past 128
/// levels. Every bound here is checked by one pass over the characters, before Markdig sees the
/// text, and names the line where it is crossed; what passes is also read under a time budget
/// (<see cref="MarkdownDeadline"/>).
/// </summary>
public static class MarkdownLimits
{
    /// <summary>A summary or an introduction (a newsletter file is bounded by its byte size).</summary>
    public const int MaxLength = 100_000;

    /// <summary>Quotes and lists inside each other: the newsletter uses two or three.</summary>
    public const int MaxDepth = 32;

    /// <summary>`[` in one paragraph: the newsletter's busiest paragraph has 36.</summary>
    public const int MaxBrackets = 100;

    /// <summary>Runs of `*`, `_`, `~`, `^`, `` ` `` (and doubled `+`, `=`) in one paragraph: the newsletter has one at most.</summary>
    public const int MaxMarks = 300;

    /// <summary>More problems than this in one text are not listed one by one.</summary>
    private const int MaxProblems = 10;

    /// <summary>The first bound a summary or an introduction goes past, or null.</summary>
    public static MarkdownProblem? Check(string markdown) =>
        markdown.Length > MaxLength ? new MarkdownProblem(MarkdownLimit.Length, 1, markdown.Length, MaxLength) : Scan(markdown, 1).FirstOrDefault();

    /// <summary>Every bound a whole file goes past (the first few), by line; its length is the reader's to bound.</summary>
    public static IReadOnlyList<MarkdownProblem> CheckFile(string text) => Scan(text, MaxProblems);

    /// <summary>
    /// The first block of a parsed document nested deeper than <see cref="MaxDepth"/>: lists nested by
    /// indentation, one line each, which the line-by-line scan cannot see. Walked without recursion.
    /// </summary>
    public static MarkdownProblem? CheckNesting(MarkdownDocument document)
    {
        var pending = new Stack<(Block Block, int Depth)>();
        pending.Push((document, 0));
        while (pending.TryPop(out var item))
        {
            if (item.Depth > MaxDepth)
            {
                return new MarkdownProblem(MarkdownLimit.Depth, item.Block.Line + 1, item.Depth, MaxDepth);
            }
            if (item.Block is ContainerBlock container)
            {
                // Pushed last to first, so that blocks come off in the order of the text.
                for (var i = container.Count - 1; i >= 0; i--)
                {
                    var child = container[i];
                    pending.Push((child, item.Depth + (child is QuoteBlock or ListBlock ? 1 : 0)));
                }
            }
        }
        return null;
    }

    private static List<MarkdownProblem> Scan(string text, int max)
    {
        var problems = new List<MarkdownProblem>();
        var line = 0;
        var brackets = 0;
        var marks = 0;
        var reported = (Brackets: false, Marks: false);
        char? fence = null;
        foreach (var current in text.AsSpan().EnumerateLines())
        {
            line++;
            if (problems.Count >= max)
            {
                break;
            }
            var (depth, start) = Prefix(current);
            var content = current[start..];
            var code = content.TrimStart(' ');
            if (code.StartsWith("```", StringComparison.Ordinal) || code.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = fence is null ? code[0] : fence == code[0] ? null : fence;
                continue;
            }
            if (fence is not null)
            {
                // Code is not read for links or emphasis, nor for quotes and lists.
                continue;
            }
            if (depth > MaxDepth)
            {
                problems.Add(new MarkdownProblem(MarkdownLimit.Depth, line, depth, MaxDepth));
            }
            if (content.IsWhiteSpace())
            {
                // A blank line ends a paragraph: the bounds below are per paragraph.
                (brackets, marks, reported) = (0, 0, (false, false));
                continue;
            }
            var (lineBrackets, lineMarks) = Count(content);
            brackets += lineBrackets;
            marks += lineMarks;
            if (brackets > MaxBrackets && !reported.Brackets)
            {
                reported.Brackets = true;
                problems.Add(new MarkdownProblem(MarkdownLimit.Brackets, line, CountToEnd(text, line, c => c.Brackets, brackets - lineBrackets), MaxBrackets));
            }
            if (marks > MaxMarks && !reported.Marks)
            {
                reported.Marks = true;
                problems.Add(new MarkdownProblem(MarkdownLimit.Marks, line, CountToEnd(text, line, c => c.Marks, marks - lineMarks), MaxMarks));
            }
        }
        return problems.Count > max ? problems[..max] : problems;
    }

    /// <summary>How many quote and list markers open the line, and where its content starts.</summary>
    private static (int Depth, int Start) Prefix(ReadOnlySpan<char> line)
    {
        var depth = 0;
        var i = 0;
        while (true)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }
            if (i >= line.Length)
            {
                return (depth, i);
            }
            var c = line[i];
            if (c == '>')
            {
                depth++;
                i++;
                continue;
            }
            if (c is '-' or '+' or '*' && (i + 1 == line.Length || line[i + 1] is ' ' or '\t'))
            {
                depth++;
                i++;
                continue;
            }
            var digits = 0;
            while (i + digits < line.Length && digits < 10 && char.IsAsciiDigit(line[i + digits]))
            {
                digits++;
            }
            if (digits is > 0 and < 10 && i + digits < line.Length && line[i + digits] is '.' or ')'
                && (i + digits + 1 == line.Length || line[i + digits + 1] is ' ' or '\t'))
            {
                depth++;
                i += digits + 1;
                continue;
            }
            return (depth, i);
        }
    }

    /// <summary>`[` and runs of marks in a line; a backslash escapes the character after it.</summary>
    private static (int Brackets, int Marks) Count(ReadOnlySpan<char> content)
    {
        var brackets = 0;
        var marks = 0;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (c == '[')
            {
                brackets++;
                continue;
            }
            if (c is '*' or '_' or '~' or '^' or '`' or '+' or '=')
            {
                var run = 1;
                while (i + run < content.Length && content[i + run] == c)
                {
                    run++;
                }
                if (c is not ('+' or '=') || run >= 2)
                {
                    marks++;
                }
                i += run - 1;
            }
        }
        return (brackets, marks);
    }

    /// <summary>The whole paragraph's count, for the message: it says how far past the bound the paragraph goes.</summary>
    private static int CountToEnd(string text, int fromLine, Func<(int Brackets, int Marks), int> pick, int before)
    {
        var total = before;
        var line = 0;
        foreach (var current in text.AsSpan().EnumerateLines())
        {
            if (++line < fromLine)
            {
                continue;
            }
            var content = current[Prefix(current).Start..];
            if (content.IsWhiteSpace())
            {
                break;
            }
            total += pick(Count(content));
        }
        return total;
    }
}
