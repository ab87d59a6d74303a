using Microsoft.AspNetCore.Identity;
using NbsRoundup.Accounts;

namespace NbsRoundup.Web.Areas.Admin.Pages.Users;

/// <summary>Removes an account after a confirmation; an Admin cannot remove their own.</summary>
public sealed class RemoveModel(UserManager<PortalUser> users) : PageModel
{
    public string Email { get; private set; } = "";
    public bool IsSelf { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        (Email, IsSelf) = (user.Email ?? "", user.Id == users.GetUserId(User));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        if (user.Id == users.GetUserId(User))
        {
            (Email, IsSelf) = (user.Email ?? "", true);
            return Page();
        }
        await users.DeleteAsync(user);
        return RedirectToPage("/Users/Index", new { area = "Admin" });
    }
}
