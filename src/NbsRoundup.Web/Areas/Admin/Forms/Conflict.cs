using NbsRoundup.Auditing;

namespace NbsRoundup.Web.Areas.Admin.Forms;

/// <summary>One field two editors saved differently: what this editor typed, and what is saved now.</summary>
public sealed record ConflictRow(string Field, string? Yours, string? Current)
{
    /// <summary>The fields of the editor's form that differ from the saved version.</summary>
    public static IReadOnlyList<ConflictRow> Between(AuditFields yours, AuditFields current) =>
        yours.Names.Where(n => !string.Equals(yours[n], current[n], StringComparison.Ordinal))
            .Select(n => new ConflictRow(n, yours[n], current[n]))
            .ToList();
}
