using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NbsRoundup.Data;

namespace NbsRoundup.Importing;

/// <summary>
/// What an issue holds now, as one short string that changes with every save touching it: the
/// issue's version, its entries' versions, its introductions to sections and the versions of the
/// organisations its entries name. An upload is applied only against the fingerprint it was
/// previewed against: applying it changes the fingerprint (so a token applies once), and so does
/// any edit made since the preview, which an apply would otherwise silently revert.
/// </summary>
public static class IssueFingerprint
{
    /// <summary>The fingerprint of the issue with this slug; one of its own when there is no such issue yet.</summary>
    public static async Task<string> OfAsync(CatalogueDb db, string? slug, CancellationToken ct)
    {
        var issue = await db.Issues.AsNoTracking().Where(i => i.Slug == slug).Select(i => new { i.Id, i.Version }).SingleOrDefaultAsync(ct);
        if (issue is null)
        {
            return "absent";
        }
        var entries = await db.Entries.AsNoTracking().Where(e => e.IssueId == issue.Id)
            .OrderBy(e => e.Id).Select(e => e.Version).ToListAsync(ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => db.EntryOrganisations.Any(link => link.OrganisationId == o.Id && db.Entries.Any(e => e.Id == link.EntryId && e.IssueId == issue.Id)))
            .OrderBy(o => o.Id).Select(o => o.Version).ToListAsync(ct);
        var intros = await db.IssueSectionIntros.AsNoTracking().Where(s => s.IssueId == issue.Id)
            .OrderBy(s => s.Id).Select(s => s.Markdown).ToListAsync(ct);
        var state = string.Join('\n', [issue.Version.ToString(), .. entries.Select(v => v.ToString()), "", .. organisations.Select(v => v.ToString()), "", .. intros]);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(state)));
    }
}
