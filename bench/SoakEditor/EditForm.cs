using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace SoakEditor;

/// <summary>A form read as a browser would send it: every field, the antiforgery token included.</summary>
internal static class EditForm
{
    public static async Task<List<KeyValuePair<string, string>>> ReadAsync(HttpResponseMessage response, string selector)
    {
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = document.QuerySelector(selector) ?? throw new InvalidOperationException($"no form '{selector}' on {response.RequestMessage?.RequestUri}");
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when !box.IsChecked:
                case IHtmlInputElement { Type: "file" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlSelectElement select:
                    fields.Add(new(name, select.Value ?? ""));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                default:
                    break;
            }
        }
        return fields;
    }

    public static void Set(List<KeyValuePair<string, string>> fields, string name, string value)
    {
        fields.RemoveAll(f => f.Key == name);
        fields.Add(new(name, value));
    }
}
