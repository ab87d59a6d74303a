using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using NbsRoundup.Importing;
using NbsRoundup.Search;

namespace NbsRoundup.Web.Areas.Admin.Pages.Upload;

/// <summary>
/// A newsletter file between its preview and its import, with the issue it imports into and that
/// issue's <see cref="IssueFingerprint"/> when it was previewed.
/// </summary>
public sealed record UploadedFile(string Name, byte[] Bytes, string? IssueSlug = null, string Fingerprint = "");

/// <summary>
/// What importing a file would do, the token that confirms it (null when there is nothing to import), and
/// for each entry it would add the entries the catalogue may already hold.
/// </summary>
public sealed record UploadPreview(ImportPlan Plan, string? Token, IReadOnlyDictionary<string, IReadOnlyList<Duplicate>> Duplicates);

/// <summary>
/// Keeps an uploaded file between preview and confirm without storing it: the preview page
/// carries it in a hidden field, encrypted and signed for this editor for two hours, so a
/// confirm imports exactly the bytes that were previewed (and checks them all again), and only
/// into the issue as it was previewed (see <see cref="IssueFingerprint"/>).
/// </summary>
public sealed class Uploads(IDataProtectionProvider protection)
{
    private static readonly TimeSpan _lifetime = TimeSpan.FromHours(2);

    /// <summary>Reads the file without writing anything, and protects it with the state of its issue now.</summary>
    public async Task<UploadPreview> PreviewAsync(CatalogueDb db, UploadedFile upload, string editor, string userId, CancellationToken ct)
    {
        var (plan, duplicates) = await NewsletterImport.PreviewAsync(db, upload.Bytes, upload.Name, editor, ct);
        if (plan.HasErrors || !plan.HasChanges)
        {
            return new UploadPreview(plan, null, duplicates);
        }
        var previewed = upload with { IssueSlug = plan.IssueSlug, Fingerprint = await IssueFingerprint.OfAsync(db, plan.IssueSlug, ct) };
        return new UploadPreview(plan, Protect(previewed, userId), duplicates);
    }

    /// <summary>Whether the issue is still as it was previewed: not imported since, not edited since.</summary>
    public static async Task<bool> IsCurrentAsync(CatalogueDb db, UploadedFile upload, CancellationToken ct) =>
        await IssueFingerprint.OfAsync(db, upload.IssueSlug, ct) == upload.Fingerprint;

    private string Protect(UploadedFile file, string userId) =>
        Protector(userId).Protect(string.Join('\n', file.Name, file.IssueSlug, file.Fingerprint, Convert.ToBase64String(file.Bytes)), _lifetime);

    /// <summary>The file, or null when the token is expired, altered or another editor's.</summary>
    public UploadedFile? Unprotect(string? token, string userId)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }
        try
        {
            var parts = Protector(userId).Unprotect(token).Split('\n', 4);
            return new UploadedFile(parts[0], Convert.FromBase64String(parts[3]), parts[1].Length == 0 ? null : parts[1], parts[2]);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>
    /// The client's file name, cut down to a label for messages and the history: never a path.
    /// </summary>
    public static string DisplayName(string? clientName)
    {
        var name = Path.GetFileName((clientName ?? "").Replace('\\', '/'));
        var sb = new StringBuilder();
        foreach (var c in name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or ' '))
        {
            sb.Append(c);
        }
        var label = sb.ToString().Trim();
        return label.Length == 0 ? "upload.md" : label.Length > 100 ? label[..100] : label;
    }

    private ITimeLimitedDataProtector Protector(string userId) =>
        protection.CreateProtector("NbsRoundup.Admin.Upload", userId).ToTimeLimitedDataProtector();
}
