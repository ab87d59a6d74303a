using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;

namespace NbsRoundup.Web.Tests;

/// <summary>
/// The portal on a fresh SQLite file of its own: the first start migrates it and
/// seeds it from content/, exactly as `dotnet run` does on a new machine.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsDatabase;

    public PortalFactory()
        : this(null)
    {
    }

    /// <summary>A portal on an existing database (a second start, another instance), which it leaves in place.</summary>
    protected PortalFactory(string? existingDatabasePath)
    {
        _ownsDatabase = existingDatabasePath is null;
        DatabasePath = existingDatabasePath ?? Path.Combine(Path.GetTempPath(), $"nbs-web-{Guid.NewGuid():N}.db");
    }

    public string DatabasePath { get; }

    public string ConnectionString => new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Catalogue", ConnectionString);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Every test client has one address; RateLimitTests sets low limits of its own.
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "100000");
        builder.UseSetting("RateLimits:Search:PermitLimit", "100000");
    }

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
        SqliteConnection.ClearAllPools();
        if (!_ownsDatabase)
        {
            return;
        }
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public static PortalFactory On(string existingDatabasePath) => new(existingDatabasePath);
}
