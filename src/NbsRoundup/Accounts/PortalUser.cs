using Microsoft.AspNetCore.Identity;

namespace NbsRoundup.Accounts;

/// <summary>An editor's account; the user name is the e-mail address.</summary>
public sealed class PortalUser : IdentityUser
{
}

/// <summary>The two roles. An Admin has every right an Editor has, and manages accounts.</summary>
public static class PortalRoles
{
    public const string Editor = "Editor";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Editor, Admin];

    /// <summary>The role as spelled here ("admin" → "Admin"), or null for an unknown role.</summary>
    public static string? Find(string name) => All.FirstOrDefault(r => r.Equals(name, StringComparison.OrdinalIgnoreCase));
}
