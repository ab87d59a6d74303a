using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// What would run in a reader's browser: script elements, on* handler attributes, addresses with
/// a javascript:, vbscript: or data: scheme, and elements that load or frame other documents.
/// </summary>
public static class LiveContent
{
    private static readonly string[] _urlAttributes = ["href", "src", "action", "formaction", "xlink:href", "srcset", "poster", "data", "background", "cite", "longdesc", "ping"];
    private static readonly string[] _framingElements = ["iframe", "frame", "frameset", "object", "embed", "applet", "base", "link[rel=import]", "meta[http-equiv]"];

    /// <summary>Every live thing in an HTML document or fragment, described; empty when there is none.</summary>
    public static List<string> InHtml(string html, bool fragment = false)
    {
        var root = new HtmlParser().ParseDocument(fragment ? "<!DOCTYPE html><html><body>" + html : html);
        var found = new List<string>();
        foreach (var element in root.QuerySelectorAll("*"))
        {
            if (element.LocalName == "script")
            {
                // The portal's own scripts are files from its own origin, never inline.
                var src = element.GetAttribute("src") ?? "";
                if (!src.StartsWith('/') || src.StartsWith("//", StringComparison.Ordinal) || element.TextContent.Trim().Length > 0)
                {
                    found.Add($"script: {element.OuterHtml}");
                }
            }
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"handler {attribute.Name} on <{element.LocalName}>");
                }
                if (_urlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && IsLiveUrl(attribute.Value))
                {
                    found.Add($"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
                }
                if (attribute.Name.Equals("style", StringComparison.OrdinalIgnoreCase))
                {
                    found.Add($"style attribute on <{element.LocalName}>");
                }
            }
        }
        foreach (var selector in _framingElements)
        {
            found.AddRange(root.QuerySelectorAll(selector).Select(e => $"element {e.OuterHtml}"));
        }
        return found;
    }

    /// <summary>True for an address a browser would run or render from the address itself.</summary>
    public static bool IsLiveUrl(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        // Browsers drop ASCII whitespace and control characters inside a scheme ("java\tscript:").
        var squeezed = new string(value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
        return squeezed.StartsWith("javascript:", StringComparison.Ordinal) || squeezed.StartsWith("vbscript:", StringComparison.Ordinal)
            || squeezed.StartsWith("data:", StringComparison.Ordinal);
    }
}
