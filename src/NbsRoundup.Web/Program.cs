using NbsRoundup.Web.Api;
using NbsRoundup.Web.Areas.Admin;
using NbsRoundup.Web.Caching;
using NbsRoundup.Web.Commands;
using NbsRoundup.Web.Exports;
using NbsRoundup.Web.Hosting;
using NbsRoundup.Web.Localization;
using NbsRoundup.Web.Sharing;
using Serilog;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(PortalEnvironment.Options(args));
// Static assets from a build (bin/) as well as a publish: a build's files, its compressed ones
// included, are found through its runtime manifest, which only Development reads by default; without
// it Production from a build answered /css/site.*.css with 0 bytes. A publish has no such manifest.
builder.WebHost.UseStaticWebAssets();
builder.AddPortalLogging();
builder.Services.AddCatalogueStore();
builder.Services.AddPortalHealth();
builder.Services.AddReverseProxySupport(builder.Configuration);
builder.Services.AddPortalAccounts();
builder.Services.AddPortalRateLimits();
builder.AddSecurityHeaders();
builder.Services.AddPortalPages();
builder.Services.AddPortalApi();
builder.Services.AddSharing();
builder.Services.AddPortalCaching(builder.Configuration);
builder.Services.AddLinkLookup();
builder.Services.AddEditorTools();

var app = builder.Build();
// Preparing the catalogue (and compiling the first page's queries) keeps one core busy for about half
// a second; the pipeline and the endpoints are set up on the other meanwhile. Nothing is served before both.
var prepared = Task.Run(app.PrepareCatalogueAsync);

app.UseReverseProxySupport();
app.UseSecurityHeaders();
app.UsePortalErrorPages();
app.UseRequestChecks();
app.UseSerilogRequestLogging();
app.UsePortalLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UsePortalCaching();
app.UseTwoFactorForAdmins();
app.UseUploadLimit();
app.MapStaticAssets();
app.MapRazorPages().WithStaticAssets();
app.MapLanguageSwitch();
app.MapCatalogueExports();
app.MapFeeds();
app.MapOpenApi();
app.MapEntriesApi();
app.MapIssuesApi();
app.MapReferenceApi();
app.MapSitemapAndRobots();
app.MapAdminApi();
app.MapPortalHealth();

// The endpoints are otherwise built when the server starts; built here, that happens while the catalogue is prepared.
_ = ((IEndpointRouteBuilder)app).DataSources.Sum(source => source.Endpoints.Count);
await prepared;
await app.RunAsync();
return 0;

/// <summary>The portal's entry point; public so tests can host it.</summary>
public partial class Program;
