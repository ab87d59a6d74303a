using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace NbsRoundup.Importing;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found in a newsletter file, with where it is: "content/x.md:12: error: ...". Besides the
/// English message it keeps the message's template and arguments ("unknown section '{0}'; ..." and the
/// section's name), captured from the interpolated string that wrote it: the template is a stable key
/// that the portal translates (strings.zh-CN.tsv), so an editor reads every problem in the interface's language.
/// </summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    /// <summary>The message with its variable parts as {0}, {1} ...; the message itself when it has none.</summary>
    public string Template { get; init; } = Message;

    /// <summary>The variable parts of the message, in template order.</summary>
    public IReadOnlyList<object?> Arguments { get; init; } = [];

    public override string ToString() =>
        $"{File}:{(Line > 0 ? Line.ToString(CultureInfo.InvariantCulture) : "1")}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Collects diagnostics for one file.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;
    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(int line, DiagnosticMessage message) => _items.Add(message.At(Severity.Error, File, line));

    public void Warning(int line, DiagnosticMessage message) => _items.Add(message.At(Severity.Warning, File, line));
}

/// <summary>
/// A diagnostic's message as written at its call site: `diagnostics.Error(line, $"unknown section '{name}'")`
/// records the template "unknown section '{0}'" and the argument, as well as the English text. A plain
/// string is its own template.
/// </summary>
[InterpolatedStringHandler]
public readonly struct DiagnosticMessage
{
    private readonly StringBuilder _template;
    private readonly List<object?> _arguments;

    public DiagnosticMessage(int literalLength, int formattedCount)
    {
        _template = new StringBuilder(literalLength + (4 * formattedCount));
        _arguments = new List<object?>(formattedCount);
    }

    public static implicit operator DiagnosticMessage(string text)
    {
        var message = new DiagnosticMessage(text.Length, 0);
        message.AppendLiteral(text);
        return message;
    }

    /// <summary>A message made elsewhere as a template and its arguments (a date's reading, say).</summary>
    public static implicit operator DiagnosticMessage(FormattableString text)
    {
        var message = new DiagnosticMessage(text.Format.Length, text.ArgumentCount);
        message._template.Append(text.Format);
        message._arguments.AddRange(text.GetArguments());
        return message;
    }

    public void AppendLiteral(string value) =>
        _template.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

    public void AppendFormatted<T>(T value) => AppendFormatted(value, null);

    public void AppendFormatted<T>(T value, string? format)
    {
        _template.Append('{').Append(_arguments.Count.ToString(CultureInfo.InvariantCulture));
        if (format is not null)
        {
            _template.Append(':').Append(format);
        }
        _template.Append('}');
        _arguments.Add(value);
    }

    internal Diagnostic At(Severity severity, string file, int line)
    {
        var template = _template.ToString();
        var arguments = _arguments.ToArray();
        return new Diagnostic(severity, file, line, string.Format(CultureInfo.InvariantCulture, template, arguments))
        {
            Template = template,
            Arguments = arguments,
        };
    }
}
