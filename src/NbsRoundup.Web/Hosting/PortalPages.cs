using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using NbsRoundup.Web.Areas.Admin.Pages.Upload;
using NbsRoundup.Web.Forms;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Hosting;

public static class PortalPages
{
    public static IServiceCollection AddPortalPages(this IServiceCollection services)
    {
        // Without this Razor writes every Chinese character as &#x...;.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(o =>
            {
                // One convention guards the admin area; accounts and the whole log need an Admin.
                o.Conventions.AuthorizeAreaFolder("Admin", "/", PortalAccounts.EditorPolicy);
                o.Conventions.AuthorizeAreaFolder("Admin", "/Users", PortalAccounts.AdminPolicy);
                o.Conventions.AuthorizeAreaFolder("Admin", "/History", PortalAccounts.AdminPolicy);
            })
            .AddMvcOptions(o =>
            {
                // An instance, not a type: its own Order (before antiforgery) then counts.
                o.Filters.Add(new PageMethods());
                o.Filters.Add<UnusableCharacters>();
                o.Filters.Add<FormExpired>();
            })
            .AddPortalLocalization();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddSingleton<Uploads>();
        return services;
    }

    /// <summary>Migrates the catalogue, seeds it from content/ when it is empty and compiles the first page's queries, before the first request.</summary>
    public static async Task PrepareCatalogueAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NbsRoundup.Startup");
        await CataloguePreparation.MigrateAsync(app.Services, logger);
        await CataloguePreparation.SeedIfEmptyAsync(app.Services, app.Configuration, app.Environment, logger);
        await ReaderWarmUp.RunAsync(app.Services, logger);
    }
}
