using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using NbsRoundup.Accounts;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Pages.Users;

/// <summary>An Admin opens an account for an editor, with a first password the editor is told in person.</summary>
public sealed class CreateModel(UserManager<PortalUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() => Input.Role = PortalRoles.Editor;

    public async Task<IActionResult> OnPostAsync()
    {
        if (PortalRoles.Find(Input.Role) is null)
        {
            ModelState.AddModelError("Input.Role", t["Choose a role."]);
        }
        if (ModelState.IsValid && await users.FindByEmailAsync(Input.Email.Trim()) is not null)
        {
            ModelState.AddModelError("Input.Email", t["This address already has an account."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = new PortalUser { UserName = Input.Email.Trim(), Email = Input.Email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, PortalRoles.Find(Input.Role)!);
        }
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Code switch
                {
                    "PasswordTooShort" => t["The password needs at least 12 characters."],
                    CommonPasswordValidator.CommonCode => t["This password is one of the most common passwords, or made from one; choose another."],
                    CommonPasswordValidator.PersonalCode => t["The password must not contain the account's e-mail address or name."],
                    _ => error.Description,
                });
            }
            return Page();
        }
        return RedirectToPage("/Users/Index", new { area = "Admin" });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address, such as name@example.org.")]
        [StringLength(256, ErrorMessage = "At most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a role.")]
        public string Role { get; set; } = "";

        [Required(ErrorMessage = "Enter a password.")]
        [StringLength(1024, MinimumLength = 12, ErrorMessage = "The password needs at least 12 characters.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }
}
