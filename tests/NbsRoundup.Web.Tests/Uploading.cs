using System.Net;
using System.Net.Http.Headers;

namespace NbsRoundup.Web.Tests;

/// <summary>The upload form as an editor uses it: choose a file, see the preview, confirm.</summary>
public static class Uploading
{
    public static async Task<HttpResponseMessage> PreviewAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var form = await Forms.GetAsync(client, "/admin/upload");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(form.Document.QuerySelector("main form")!))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        content.Add(file, "Input.File", fileName);
        return await client.PostAsync("/admin/upload", content);
    }

    /// <summary>Previews and confirms; fails the test unless the import is applied.</summary>
    public static async Task ImportAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var preview = await Forms.ReadAsync(await PreviewAsync(client, fileName, bytes));
        Assert.True(preview.QuerySelector("form[action='/admin/upload/apply']") is not null,
            "no confirm button: " + string.Join(" | ", preview.QuerySelectorAll(".diagnostics li").Select(li => li.TextContent)));
        var applied = await Forms.SubmitAsync(client, new FormPage("/admin/upload", preview), formSelector: "form[action='/admin/upload/apply']");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
    }
}
