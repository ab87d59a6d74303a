using System.Globalization;
using System.Text;
using NbsRoundup.Rendering;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Sharing;

/// <summary>What a link to this page shows when shared: OpenGraph and Twitter card tags, and the meta description.</summary>
public sealed record SharingTags(string Title, string Description, string Type)
{
    /// <summary>Link previews show two or three lines; longer descriptions are cut by the sites anyway.</summary>
    public const int DescriptionLength = 160;

    public static SharingTags Article(string title, string markdown) => new(title, Excerpt(markdown), "article");

    public static SharingTags Website(string title, string description) => new(title, description, "website");

    /// <summary>og:locale follows the interface language: "zh_CN" or "en".</summary>
    public static string Locale => PortalLocalization.IsEnglish ? "en" : "zh_CN";

    public static string AlternateLocale => PortalLocalization.IsEnglish ? "zh_CN" : "en";

    /// <summary>The Markdown as one line of plain text, cut at a character boundary with "…" when too long.</summary>
    public static string Excerpt(string markdown, int length = DescriptionLength)
    {
        var text = string.Join(' ', MarkdownRenderer.ToPlainText(markdown)
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var elements = StringInfo.GetTextElementEnumerator(text);
        var excerpt = new StringBuilder();
        var count = 0;
        while (elements.MoveNext())
        {
            if (count == length)
            {
                return excerpt.ToString().TrimEnd() + "…";
            }
            excerpt.Append(elements.GetTextElement());
            count++;
        }
        return text;
    }
}
