using NbsRoundup.Web.Areas.Admin;
using NbsRoundup.Web.Commands;
using NbsRoundup.Web.Hosting;
using NbsRoundup.Web.Localization;
using Serilog;

if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddPortalLogging();
builder.Services.AddCatalogueStore();
builder.Services.AddPortalAccounts();
builder.Services.AddPortalPages();

var app = builder.Build();
await app.PrepareCatalogueAsync();

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error");
}
app.UseStatusCodePagesWithReExecute("/not-found");
app.UseSerilogRequestLogging();
app.UseStaticFiles();
app.UsePortalLocalization();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapRazorPages();
app.MapLanguageSwitch();
app.MapAdminApi();

await app.RunAsync();
return 0;

/// <summary>The portal's entry point; public so tests can host it.</summary>
public partial class Program;
