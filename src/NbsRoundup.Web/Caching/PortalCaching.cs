using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace NbsRoundup.Web.Caching;

public static class PortalCaching
{
    /// <summary>Compressed as well as HTML and JSON: the exports and feeds researchers download.</summary>
    private static readonly string[] _compressedTypes =
    [
        "text/csv", "application/atom+xml", "application/problem+json", "application/x-bibtex",
        "application/x-research-info-systems", "application/vnd.citationstyles.csl+json", "image/svg+xml",
    ];

    /// <summary>The connection string that, when set, puts the output cache in Redis, shared by every instance.</summary>
    public const string RedisConnectionName = "Redis";

    public static IServiceCollection AddPortalCaching(this IServiceCollection services, IConfiguration configuration)
    {
        var redis = configuration.GetConnectionString(RedisConnectionName);
        services.AddSingleton(new CacheSharing(!string.IsNullOrEmpty(redis)));
        if (!string.IsNullOrEmpty(redis))
        {
            // Registered before AddOutputCache, whose in-memory store is only a fallback. Instances
            // on one catalogue share one key prefix (and so one cache); the change log still decides
            // what is stale, so each instance evicts by tag what any commit changed.
            services.AddStackExchangeRedisOutputCache(o =>
            {
                o.Configuration = redis;
                o.InstanceName = configuration["Cache:RedisPrefix"] is { Length: > 0 } prefix ? prefix : "nbs-roundup:";
            });
        }
        services.AddOutputCache(o =>
        {
            // In memory, every distinct address a crawler or a researcher asks is an entry: 32 MB keeps
            // the portal's memory within its budget (ASP.NET's default is 100 MB); the least used go first.
            o.SizeLimit = (configuration.GetValue<int?>("Cache:SizeLimitMegabytes") ?? 32) * 1024L * 1024;
            foreach (var (name, tags) in CachePolicies.All)
            {
                o.AddPolicy(name, new PortalCachePolicy(tags));
            }
        });
        services.AddSingleton<ChangeSignal>();
        services.AddSingleton<CacheCoherence>();
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(_compressedTypes);
        });
        // Compressed once and then served from the cache: the fastest level costs little in size.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Fastest);
        return services;
    }

    /// <summary>
    /// Change log, then output cache, then compression: the cache stores compressed responses.
    /// Editors' pages are never compressed (they carry antiforgery tokens next to what the editor
    /// typed, the ingredients of a BREACH attack).
    /// </summary>
    public static WebApplication UsePortalCaching(this WebApplication app)
    {
        var coherence = app.Services.GetRequiredService<CacheCoherence>();
        app.Use((context, next) => coherence.InvokeAsync(context, next));
        app.UseOutputCache();
        app.UseWhen(c => !c.Request.Path.StartsWithSegments("/admin") && !c.Request.Path.StartsWithSegments("/account"),
            b => b.UseResponseCompression());
        return app;
    }

    /// <summary>Marks a minimal endpoint as cached under a policy, the way [OutputCache] marks a page.</summary>
    public static TBuilder CachedAs<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = policy });
}

/// <summary>Whether the output cache outlives this instance and is seen by others (Redis), or is this process's own memory.</summary>
public sealed record CacheSharing(bool Shared);
