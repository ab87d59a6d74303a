using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NbsRoundup.Data;

namespace NbsRoundup.Web.Tests.Hosting;

public class SeedingTests
{
    [Fact]
    public async Task The_catalogue_is_seeded_only_when_it_is_empty()
    {
        using var first = new PortalFactory();
        using (var scope = first.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CatalogueDb>();
            Assert.Equal(70, await db.Entries.CountAsync());
            await db.Entries.Where(e => e.Slug == "corporate-net-zero-standard").ExecuteDeleteAsync();
        }

        // A second start on the same, no longer empty, database imports nothing.
        using var second = PortalFactory.On(first.ConnectionString);
        using var check = second.Services.CreateScope();
        Assert.Equal(69, await check.ServiceProvider.GetRequiredService<CatalogueDb>().Entries.CountAsync());
    }
}
