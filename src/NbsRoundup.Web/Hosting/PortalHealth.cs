using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// What a load balancer asks: `/healthz` (the process answers; no database involved, so a slow
/// database never gets a live instance restarted) and `/readyz` (the catalogue is reachable and
/// fully migrated, and the instance is not shutting down). Shutdown lets requests in flight
/// finish, for at most `Hosting:ShutdownTimeoutSeconds` (30 by default).
/// </summary>
public static class PortalHealth
{
    public const string LivePath = "/healthz";
    public const string ReadyPath = "/readyz";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddPortalHealth(this IServiceCollection services)
    {
        services.AddHealthChecks().AddCheck<CatalogueReadiness>("catalogue", tags: [ReadyTag]);
        services.AddOptions<HostOptions>().Configure<IConfiguration>((o, configuration) =>
            o.ShutdownTimeout = TimeSpan.FromSeconds(configuration.GetValue("Hosting:ShutdownTimeoutSeconds", 30)));
        return services;
    }

    public static IEndpointRouteBuilder MapPortalHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        return app;
    }
}

/// <summary>Ready: the catalogue answers, no migration is pending, and the host is not stopping (so the balancer drains it).</summary>
internal sealed class CatalogueReadiness(CatalogueDb db, IHostApplicationLifetime lifetime) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("shutting down");
        }
        try
        {
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("the catalogue database cannot be reached");
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"migrations pending: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("the catalogue database failed to answer", ex);
        }
    }
}
