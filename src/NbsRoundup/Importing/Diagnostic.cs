namespace NbsRoundup.Importing;

public enum Severity
{
    Warning,
    Error,
}

/// <summary>A problem found in a newsletter file, with where it is: "content/x.md:12: error: ...".</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, string Message)
{
    public override string ToString() =>
        $"{File}:{(Line > 0 ? Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : "1")}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>Collects diagnostics for one file.</summary>
public sealed class DiagnosticBag(string file)
{
    private readonly List<Diagnostic> _items = [];

    public string File { get; } = file;
    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Error(int line, string message) => _items.Add(new Diagnostic(Severity.Error, File, line, message));

    public void Warning(int line, string message) => _items.Add(new Diagnostic(Severity.Warning, File, line, message));
}
