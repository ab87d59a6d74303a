namespace NbsRoundup.Web.Areas.Admin.Pages.Users;

/// <summary>Editors' accounts. Admins only (see PortalPages).</summary>
public sealed class IndexModel(CatalogueDb db) : PageModel
{
    public IReadOnlyList<Row> Accounts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var roles = await db.UserRoles.AsNoTracking()
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email)
            .Select(u => new { u.Id, u.Email, u.LockoutEnd }).ToListAsync(ct);
        Accounts = users.Select(u => new Row(u.Id, u.Email ?? "",
                string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name).Order(StringComparer.Ordinal)),
                u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow ? end.UtcDateTime : null))
            .ToList();
    }

    public sealed record Row(string Id, string Email, string Roles, DateTime? LockedUntil);
}
