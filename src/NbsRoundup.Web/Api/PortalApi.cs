using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace NbsRoundup.Web.Api;

public static class PortalApi
{
    public static IServiceCollection AddPortalApi(this IServiceCollection services)
    {
        // Chinese as characters in JSON, not \u escapes.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All));
        services.AddProblemDetails();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "NbS Round-up API";
            document.Info.Description = "Read-only access to the published catalogue of the Nature-based Solutions (NbS) Round-up newsletter.";
            return Task.CompletedTask;
        }));
        return services;
    }
}
