using System.Security.Cryptography;
using System.Text;

namespace NbsRoundup.Accounts;

/// <summary>
/// Wrong passwords given for an e-mail address that has no account, counted as Identity counts an
/// account's: after as many failures the address is "locked" for as long, so that neither the words
/// of an answer nor its time tell anyone whether an account exists. The address is kept only as
/// its SHA-256; a row idle for a day is forgotten.
/// </summary>
public sealed class UnknownAccountLockout
{
    public string AddressHash { get; private set; } = "";
    public int FailedCount { get; private set; }
    /// <summary>UTC, as the rest of the catalogue's times (SQLite cannot compare DateTimeOffset in SQL).</summary>
    public DateTime? LockoutEnd { get; private set; }
    public DateTime LastFailedAt { get; private set; }

    private UnknownAccountLockout()
    {
    }

    public UnknownAccountLockout(string normalizedEmail) => AddressHash = HashOf(normalizedEmail);

    public static string HashOf(string normalizedEmail) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedEmail)));

    public bool IsLockedOut(DateTime now) => LockoutEnd > now;

    /// <summary>Counts a wrong password; true when it locks the address (the count starts again, as Identity's does).</summary>
    public bool Fail(DateTime now, int maxFailures, TimeSpan lockout)
    {
        LastFailedAt = now;
        if (++FailedCount < maxFailures)
        {
            return false;
        }
        FailedCount = 0;
        LockoutEnd = now + lockout;
        return true;
    }
}
