using NbsRoundup.Web.Areas.Admin.Pages.Upload;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// An upload whose declared length is past the upload form's request limit is answered 413 before
/// anything reads it. Otherwise the antiforgery check, which reads the form first, fails on the
/// cut-off body and the editor sees "bad request"; with 413 the status page says the file is too large.
/// </summary>
public static class UploadLimit
{
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app) =>
        app.UseWhen(c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments("/admin/upload")
                && c.Request.ContentLength > IndexModel.MaxRequestBytes,
            branch => branch.Run(context =>
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return Task.CompletedTask;
            }));
}
