using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using NbsRoundup.Importing;
using NbsRoundup.Rendering;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Areas.Admin.Forms;

// Validation for editors' forms. Messages are English keys translated in strings.zh-CN.tsv.

/// <summary>
/// A validation attribute whose message is translated like the built-in ones: MVC translates
/// only attributes it has an adapter for, so these translate their own message.
/// </summary>
public abstract class LocalizedValidationAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
        {
            return ValidationResult.Success;
        }
        var localizer = validationContext.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
        var message = localizer?[ErrorMessage ?? ""].Value ?? ErrorMessage;
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}

/// <summary>Blank, or an absolute http(s) address.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpUrlAttribute : LocalizedValidationAttribute
{
    public HttpUrlAttribute() => ErrorMessage = "Enter an address that starts with http:// or https://.";

    public override bool IsValid(object? value) =>
        value is not string text || string.IsNullOrWhiteSpace(text)
        || (Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps));
}

/// <summary>One line of text: no line breaks or control characters, which a newsletter file cannot hold in a heading or metadata line.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SingleLineAttribute : LocalizedValidationAttribute
{
    public SingleLineAttribute() => ErrorMessage = "Write this on one line.";

    public override bool IsValid(object? value) => value is not string text || !text.Any(char.IsControl);

    // A line break asks for one line; any other control character is named, since the editor cannot see it.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && ControlCharacters.Message(text, validationContext, allowTabs: false) is { } named
            ? named
            : base.IsValid(value, validationContext);
}

/// <summary>Names an invisible control character an editor pasted (from a PDF or a word processor, usually), and where it is.</summary>
public static class ControlCharacters
{
    /// <summary>The first control character other than line breaks (and tabs, when allowed), as "U+0007" and its position (1-based); null without one.</summary>
    public static (string Code, int Position)? Find(string text, bool allowTabs = true)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is not ('\n' or '\r') && !(allowTabs && c == '\t') && (char.IsControl(c) || c is '\uFFFE' or '\uFFFF'))
            {
                return ($"U+{(int)c:X4}", i + 1);
            }
        }
        return null;
    }

    internal static ValidationResult? Message(string text, ValidationContext validationContext, bool allowTabs = true)
    {
        if (Find(text, allowTabs) is not { } found)
        {
            return null;
        }
        var t = (IStringLocalizer)validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        return new ValidationResult(
            t["This holds an invisible control character ({0}, character {1}), which a newsletter cannot hold: delete it. Such characters often come with text copied from a PDF or a word processor.", found.Code, found.Position].Value,
            validationContext.MemberName is { } member ? [member] : null);
    }
}

/// <summary>A slug: lowercase letters, digits and single hyphens.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SlugAttribute : LocalizedValidationAttribute
{
    public SlugAttribute() => ErrorMessage = "Use only lowercase letters, digits and single hyphens, such as corporate-net-zero-standard.";

    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || Names.IsSlug(text.Trim());
}

/// <summary>Markdown that fits inside a newsletter file (see NewsletterMarkdown).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NewsletterMarkdownAttribute : LocalizedValidationAttribute
{
    public NewsletterMarkdownAttribute() =>
        ErrorMessage = "Headings #, ## and ### cannot be used here (they would start a section, sub-heading or entry; use #### or bold text), and a ``` code block must be closed.";

    // A text past the rendering bounds is RenderableMarkdown's to report, with its line.
    public override bool IsValid(object? value) => value switch
    {
        string text => NewsletterMarkdown.Check(NewsletterMarkdown.Normalize(text)) is FragmentProblem.None or FragmentProblem.PastBounds,
        IEnumerable<string?> texts => texts.All(IsValid),
        _ => true,
    };

    // A control character is not a heading: it gets a message of its own that names it.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        (value switch
        {
            string text => [text],
            IEnumerable<string?> texts => texts.OfType<string>(),
            _ => [],
        }).Select(text => ControlCharacters.Message(text, validationContext)).FirstOrDefault(m => m is not null)
        ?? base.IsValid(value, validationContext);
}

/// <summary>
/// Markdown that can be rendered in time: within MarkdownLimits (length, nesting, brackets and
/// marks per paragraph) and read within the renderer's budget. The message names the line.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class RenderableMarkdownAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var texts = value switch
        {
            string text => [text],
            IEnumerable<string?> list => list.OfType<string>(),
            _ => [],
        };
        foreach (var text in texts)
        {
            if (MarkdownRenderer.Problem(NewsletterMarkdown.Normalize(text)) is { } problem)
            {
                var t = (IStringLocalizer)validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
                var description = t[problem.Template, problem.Found, problem.Allowed].Value;
                var message = problem.Limit == MarkdownLimit.Length ? description : t["Line {0}: {1}", problem.Line, description].Value;
                return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
            }
        }
        return ValidationResult.Success;
    }
}

/// <summary>Trimming helpers for form values.</summary>
public static class FormText
{
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
