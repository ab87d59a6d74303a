using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// Sign-in does not tell an existing account from an unknown one: the same work (a password hash
/// checked) and the same words, lockout included.
/// </summary>
/// <remarks>
/// Equal work is asserted by counting password-hash checks rather than timing them: on a shared
/// two-core machine the medians of a few attempts drift by more than the difference a missing hash
/// makes in one, and a timing bound loose enough never to fail also never fails when the hash is
/// skipped. A check of the hasher is exact, and a missing check was the whole difference (70–97 ms
/// against 10–18 ms).
/// </remarks>
public sealed class AccountEnumerationTests(AccountEnumerationTests.CountingPortal portal) : IClassFixture<AccountEnumerationTests.CountingPortal>
{
    /// <summary>The portal with Identity's own password hasher, its verifications counted.</summary>
    public sealed class CountingPortal : PortalFactory
    {
        public CountingHasher Hasher { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<PortalUser>>(Hasher));
        }
    }

    public sealed class CountingHasher : IPasswordHasher<PortalUser>
    {
        private readonly PasswordHasher<PortalUser> _inner = new();
        private int _verified;

        public int Verified => _verified;

        public string HashPassword(PortalUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private async Task<(string Message, int Hashes)> SignInAsync(string email, string password)
    {
        using var client = portal.CreateBrowserClient();
        var before = portal.Hasher.Verified;
        var page = await Forms.ReadAsync(await Editors.SignInAsync(client, email, password));
        return (page.QuerySelector(".notice.error")?.TextContent.Trim() ?? "", portal.Hasher.Verified - before);
    }

    [Fact]
    public async Task A_wrong_password_costs_one_hash_check_whether_the_account_exists_or_not()
    {
        await Editors.CreateAsync(portal, "known-hash@example.org", PortalRoles.Editor);

        var known = await SignInAsync("known-hash@example.org", "a wrong but long passphrase");
        var unknown = await SignInAsync("nobody-hash@example.org", "a wrong but long passphrase");

        Assert.Equal(1, known.Hashes);
        Assert.Equal(1, unknown.Hashes);
        Assert.Equal(known.Message, unknown.Message);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_an_unknown_address_with_the_words_of_a_known_one()
    {
        await Editors.CreateAsync(portal, "known-lock@example.org", PortalRoles.Editor);
        var known = new List<(string, int)>();
        var unknown = new List<(string, int)>();

        for (var i = 0; i < 7; i++)
        {
            known.Add(await SignInAsync("known-lock@example.org", "wrong passphrase number " + i));
            unknown.Add(await SignInAsync("nobody-lock@example.org", "wrong passphrase number " + i));
        }

        Assert.Equal(known, unknown);
        Assert.Contains("锁定", known[^1].Item1);
        Assert.Equal(0, known[^1].Item2); // a locked account is not checked, known or not
    }
}
