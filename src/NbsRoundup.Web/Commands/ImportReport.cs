using NbsRoundup.Importing;

namespace NbsRoundup.Web.Commands;

/// <summary>Prints an import plan the way an editor reads it.</summary>
internal static class ImportReport
{
    public static void Write(ImportPlan plan, bool dryRun, TextWriter output, TextWriter error)
    {
        foreach (var diagnostic in plan.Diagnostics)
        {
            (diagnostic.Severity == Severity.Error ? error : output).WriteLine(diagnostic);
        }
        if (plan.HasErrors)
        {
            error.WriteLine($"{plan.File}: not imported; the catalogue is unchanged.");
            return;
        }
        output.WriteLine($"{plan.File}: issue {plan.IssueSlug}{(plan.IssueIsNew ? " (new)" : "")}");
        if (plan.IssueFields.Count > 0)
        {
            output.WriteLine($"  ~ issue: {string.Join(", ", plan.IssueFields)}");
        }
        foreach (var change in plan.OrganisationChanges)
        {
            output.WriteLine($"  ~ {change}");
        }
        foreach (var entry in plan.Entries)
        {
            switch (entry.Kind)
            {
                case ChangeKind.Added:
                    output.WriteLine($"  + {entry.Slug}  {entry.Title}");
                    break;
                case ChangeKind.Changed:
                    output.WriteLine($"  ~ {entry.Slug}  {entry.Title}  ({string.Join(", ", entry.Fields)})");
                    break;
                case ChangeKind.Kept:
                    output.WriteLine($"  ! {entry.Slug}  {entry.Title}  (in the catalogue, not in the file: kept)");
                    break;
                default:
                    break;
            }
            if (entry.Suggested is { } suggested)
            {
                output.WriteLine($"      suggested: topics {List(suggested.Topics)}; places {List(suggested.Places)}");
            }
        }
        var counts = $"{plan.Count(ChangeKind.Added)} added, {plan.Count(ChangeKind.Changed)} changed, {plan.Count(ChangeKind.Unchanged)} unchanged";
        output.WriteLine(dryRun
            ? $"  dry run: would add {plan.Count(ChangeKind.Added)}, change {plan.Count(ChangeKind.Changed)}, leave {plan.Count(ChangeKind.Unchanged)} unchanged; nothing written."
            : plan.Applied ? $"  done: {counts}." : $"  nothing to do: {counts}.");
    }

    private static string List(IReadOnlyList<string> keys) => keys.Count == 0 ? "(none)" : string.Join(", ", keys);

    /// <summary>One line of a large import: where it is, what the file did, and how fast it goes.</summary>
    public static void WriteProgress(ImportPlan plan, int done, int total, double entriesPerSecond, TextWriter output)
    {
        foreach (var warning in plan.Diagnostics.Where(d => d.Severity == Severity.Warning))
        {
            output.WriteLine(warning);
        }
        output.WriteLine($"[{done}/{total}] {plan.File}: {plan.Count(ChangeKind.Added)} added, {plan.Count(ChangeKind.Changed)} changed, {plan.Count(ChangeKind.Unchanged)} unchanged ({entriesPerSecond:N0} entries/s)");
    }
}
