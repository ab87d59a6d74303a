using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Forms;

/// <summary>
/// Refuses, field by field, any value a form sends that holds a character no text of the catalogue
/// may hold (Characters: controls, noncharacters such as U+FFFE, lone surrogates), before a page's
/// handler runs: every form of the portal at once, with the field's own message, instead of a
/// 500 where normalisation or a newsletter export would meet the character later.
/// </summary>
public sealed class UnusableCharacters(IStringLocalizer<SharedResource> t) : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        foreach (var (field, entry) in context.ModelState.ToList())
        {
            if (Characters.FindUnusable(entry?.AttemptedValue) is { } found)
            {
                context.ModelState.AddModelError(field, t["This holds the character {0}, which cannot be stored; remove it.", found.CodePoint]);
            }
        }
        return next();
    }
}
