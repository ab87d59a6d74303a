using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests;

/// <summary>A page fetched to fill in one of its forms.</summary>
public sealed record FormPage(string Url, IHtmlDocument Document);

/// <summary>
/// Drives forms as a browser would: GET the page, read every field of the form (the
/// antiforgery token included), change some, POST them with the cookies the GET set.
/// </summary>
public static class Forms
{
    public static async Task<IHtmlDocument> ReadAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<FormPage> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode} {response.Headers.Location}");
        return new FormPage(url, await ReadAsync(response));
    }

    /// <summary>The form's fields as a browser would send them, then the given values (null removes a field).</summary>
    public static List<KeyValuePair<string, string>> Fields(IElement form, IReadOnlyDictionary<string, string?>? values = null)
    {
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
        foreach (var (name, value) in values ?? new Dictionary<string, string?>())
        {
            fields.RemoveAll(f => f.Key == name);
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }
        return fields;
    }

    /// <summary>Submits a form of the page (by default the first POST form in main) with some values changed.</summary>
    public static Task<HttpResponseMessage> SubmitAsync(HttpClient client, FormPage page, Dictionary<string, string?>? values = null,
        string? handler = null, string formSelector = "main form[method=post]")
    {
        var form = page.Document.QuerySelector(formSelector) ?? throw new InvalidOperationException($"no form '{formSelector}' on {page.Url}");
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : page.Url;
        if (handler is not null)
        {
            action += (action.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }
        return client.PostAsync(action, new FormUrlEncodedContent(Fields(form, values)));
    }

    /// <summary>The text of the validation message shown for a field.</summary>
    public static string Message(IHtmlDocument page, string field) =>
        page.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim() ?? "";
}
