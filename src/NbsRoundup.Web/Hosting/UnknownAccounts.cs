using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using NbsRoundup.Accounts;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// Signing in with an address that has no account does what signing in to an account does: one
/// password hash checked (against a hash of a password nobody knows), one failure counted, and
/// after as many failures as lock an account the same "locked" answer for as long. Without it an
/// unknown address answered five times faster and never locked: anyone could list the editors.
/// </summary>
public sealed class UnknownAccounts(CatalogueDb db, IPasswordHasher<PortalUser> hasher, ILookupNormalizer normalizer,
    IOptions<IdentityOptions> identity, TimeProvider time)
{
    private static readonly PortalUser _nobody = new() { UserName = "nobody" };
    private static string? _unknownPasswordHash;

    public async Task<SignInResult> SignInAsync(string email, string password, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var normalized = normalizer.NormalizeEmail(email) ?? "";
        var lockout = await db.UnknownAccountLockouts.FindAsync([UnknownAccountLockout.HashOf(normalized)], ct);
        if (lockout?.IsLockedOut(now) == true)
        {
            // A locked account is refused before its password is checked: so is this address.
            return SignInResult.LockedOut;
        }
        _unknownPasswordHash ??= hasher.HashPassword(_nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(_nobody, _unknownPasswordHash, password);
        if (lockout is null)
        {
            lockout = new UnknownAccountLockout(normalized);
            db.UnknownAccountLockouts.Add(lockout);
        }
        var options = identity.Value.Lockout;
        var locked = lockout.Fail(now, options.MaxFailedAccessAttempts, options.DefaultLockoutTimeSpan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another attempt for the same address counted at the same moment: this one is a failure all the same.
            db.ChangeTracker.Clear();
        }
        await db.UnknownAccountLockouts.Where(l => l.LastFailedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        return locked ? SignInResult.LockedOut : SignInResult.Failed;
    }
}
