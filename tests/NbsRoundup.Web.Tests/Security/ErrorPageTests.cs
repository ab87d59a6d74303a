using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// A refused form or upload answers with a page that says what happened and what to do, in the
/// interface's language, with the security headers, never an empty 400.
/// </summary>
public sealed class ErrorPageTests(KestrelPortal portal) : IClassFixture<KestrelPortal>
{
    private static async Task<string> MessageAsync(HttpResponseMessage response)
    {
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no security headers");
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("main")?.TextContent ?? "";
    }

    [Fact]
    public async Task A_form_sent_without_its_antiforgery_token_says_the_form_expired_and_to_reload_it()
    {
        using var editor = await Editors.SignInAsync(portal);

        var response = await editor.PostAsync("/admin/issues/new", new FormUrlEncodedContent([new("Input.Title", "新一期")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = await MessageAsync(response);
        Assert.Contains("表单已过期", message);
        Assert.Contains("重新打开", message);
    }

    [Fact]
    public async Task The_same_in_english_for_a_reader_who_chose_english()
    {
        using var editor = await Editors.SignInAsync(portal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/admin/issues/new") { Content = new FormUrlEncodedContent([new("Input.Title", "x")]) };
        request.Headers.AcceptLanguage.ParseAdd("en");

        var message = await MessageAsync(await editor.SendAsync(request));

        Assert.Contains("The form has expired", message);
    }

    [Theory]
    [InlineData(2 * 1024 * 1024 + 1)]
    [InlineData(3 * 1024 * 1024)]
    public async Task An_upload_of_two_megabytes_or_more_says_it_is_too_large_and_what_the_limit_is(int size)
    {
        using var editor = await Editors.SignInAsync(portal);
        var form = await Forms.GetAsync(editor, "/admin/upload");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Forms.Fields(form.Document.QuerySelector("main form")!))
        {
            content.Add(new StringContent(value), name);
        }
        var file = new ByteArrayContent(new byte[size]);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        content.Add(file, "Input.File", "big.md");

        var response = await editor.PostAsync("/admin/upload", content);

        Assert.True((int)response.StatusCode is 400 or 413, $"answered {(int)response.StatusCode}");
        var message = await MessageAsync(response);
        Assert.Contains("1 MB", message);
        Assert.Contains("过大", message);
    }

    [Theory]
    [InlineData("PUT", "/organisations")]
    [InlineData("POST", "/issues/2021-11")]
    public async Task A_method_a_page_does_not_answer_is_explained_on_a_page(string method, string url)
    {
        using var client = portal.CreateBrowserClient();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent("") });

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("这个地址不能这样使用", await MessageAsync(response));
    }
}
