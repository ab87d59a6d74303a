using System.Security.Cryptography;
using System.Text;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Areas.Admin.Pages.Entries;

/// <summary>A field the link filled: where from (in the editor's language), and what it held before when that differed.</summary>
public sealed record FilledField(string Source, string? Before);

/// <summary>
/// What the entry forms show around their fields besides validation: the marks of a fill from a link, the
/// organisations it names (known or new), entries the catalogue may already hold, and the date's warning.
/// </summary>
public sealed class EntryNotes
{
    public Dictionary<string, FilledField> Filled { get; } = [];

    /// <summary>The organisations the link names, resolved against the catalogue.</summary>
    public IReadOnlyList<ProposedOrganisation> Organisations { get; set; } = [];

    public IReadOnlyList<Duplicate> Duplicates { get; set; } = [];

    public string? DateWarning { get; set; }

    /// <summary>True when a save was held back to show the warnings: saving again with them saves.</summary>
    public bool HeldBack { get; set; }

    public bool HasWarnings => Duplicates.Count > 0 || DateWarning is not null;

    public FilledField? this[string field] => Filled.GetValueOrDefault(field);

    /// <summary>The warnings as a short fingerprint, so that a save over the same warnings goes through and a new one is shown first.</summary>
    public string Fingerprint()
    {
        var text = DateWarning + "|" + string.Join(",", Duplicates.Select(d => d.Slug + ":" + d.Reason));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12);
    }
}
