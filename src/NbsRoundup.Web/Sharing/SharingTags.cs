using System.Globalization;
using System.Text;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Sharing;

/// <summary>What a link to this page shows when shared: OpenGraph and Twitter card tags, and the meta description.</summary>
public sealed record SharingTags(string Title, string Description, string Type)
{
    /// <summary>Link previews show two or three lines; longer descriptions are cut by the sites anyway.</summary>
    public const int DescriptionLength = 160;

    /// <summary>A page about one text: its plain text as stored when it was saved gives the description.</summary>
    public static SharingTags Article(string title, string text) => new(title, Excerpt(text), "article");

    public static SharingTags Website(string title, string description) => new(title, description, "website");

    /// <summary>og:locale follows the interface language: "zh_CN" or "en".</summary>
    public static string Locale => PortalLocalization.IsEnglish ? "en" : "zh_CN";

    public static string AlternateLocale => PortalLocalization.IsEnglish ? "zh_CN" : "en";

    /// <summary>Plain text as one line, cut at a character boundary with "…" when too long.</summary>
    public static string Excerpt(string plainText, int length = DescriptionLength)
    {
        var text = string.Join(' ', plainText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
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
