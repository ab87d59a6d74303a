using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using NbsRoundup.Data;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests;

/// <summary>
/// The portal on a fresh database of its own (an SQLite file, or a PostgreSQL database when the
/// suite runs on PostgreSQL): the first start migrates it and seeds it from content/, exactly as
/// `dotnet run` does on a new machine.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public PortalFactory()
        : this(null)
    {
    }

    /// <summary>A portal on an existing database (a second start, another instance), which it leaves in place.</summary>
    protected PortalFactory(string? existingConnectionString)
    {
        _ownsDatabase = existingConnectionString is null;
        ConnectionString = existingConnectionString ?? TestEngine.CreateDatabase("nbs-web");
    }

    public static DatabaseProvider Provider => TestEngine.Provider;

    public string ConnectionString { get; }

    /// <summary>The configuration arguments a command verb needs to work on this portal's database.</summary>
    public string[] DatabaseArguments => DatabaseArgumentsFor(ConnectionString);

    public static string[] DatabaseArgumentsFor(string connectionString) =>
        [$"--Database:Provider={Provider}", $"--ConnectionStrings:Catalogue={connectionString}"];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Catalogue", ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test client has one address; RateLimitTests sets low limits of its own.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Search:PermitLimit", "100000");
        if (TestEngine.Redis is { } redis)
        {
            // Instances on one database share a cache, as in production; other tests' portals never see it.
            builder.UseSetting("ConnectionStrings:Redis", redis);
            builder.UseSetting("Cache:RedisPrefix", "nbs-test-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ConnectionString)))[..16] + ":");
        }
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as the form tests drive the portal.</summary>
    public virtual HttpClient CreateBrowserClient() => CreateClient(new() { AllowAutoRedirect = false });

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        using var client = CreateClient();
        var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return new HtmlParser().ParseDocument(html);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_ownsDatabase)
        {
            TestEngine.DropDatabase(ConnectionString);
        }
    }

    public static PortalFactory On(string existingConnectionString) => new(existingConnectionString);
}
