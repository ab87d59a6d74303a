using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NbsRoundup.Web.Tests.Caching;

/// <summary>
/// Counts the SQL commands the portal runs, apart from its change-log check, which every request
/// makes, and the reading of the catalogue's columns, which happens once per catalogue version
/// (the same six commands at any size; <see cref="Search.CatalogueColumns.BuildTag"/>), not per request.
/// </summary>
public sealed class SqlCommandCounter : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => _commands
        .Where(c => !c.Contains("\"ChangeRecords\"", StringComparison.Ordinal) && !c.Contains("-- " + Search.CatalogueColumns.BuildTag, StringComparison.Ordinal))
        .ToList();

    /// <summary>The reads of the catalogue's columns since the last reset.</summary>
    public int ColumnReads => _commands.Count(c => c.Contains("-- " + Search.CatalogueColumns.BuildTag, StringComparison.Ordinal));

    public void Reset() => _commands.Clear();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

/// <summary>A portal whose SQL commands are counted.</summary>
public sealed class CountingPortal : PortalFactory
{
    public SqlCommandCounter Counter { get; } = new();

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
            Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<IInterceptor>(services, Counter));
    }

    /// <summary>GETs a page and returns its body and how many SQL commands answering it took.</summary>
    public async Task<(string Body, int Commands)> GetCountedAsync(string url)
    {
        using var client = CreateClient();
        Counter.Reset();
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        return (await response.Content.ReadAsStringAsync(), Counter.Commands.Count);
    }
}
