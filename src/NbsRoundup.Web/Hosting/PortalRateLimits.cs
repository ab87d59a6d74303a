using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NbsRoundup.Web.Localization;

namespace NbsRoundup.Web.Hosting;

/// <summary>One limit: so many requests per window from one client address.</summary>
public sealed class RateLimit
{
    public int PermitLimit { get; set; }
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>The RateLimits section of configuration.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Password and second-factor posts: guessing is slow even across many accounts.</summary>
    public RateLimit SignIn { get; set; } = new() { PermitLimit = 10, WindowSeconds = 60 };

    /// <summary>The catalogue search, its exports and feeds, and the API: generous for a reader, a brake on scrapers.</summary>
    public RateLimit Search { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };
}

/// <summary>
/// Per client address, answered with 429 and Retry-After (ASP.NET Core's limiter answers 503 unless told).
/// Behind a reverse proxy every reader has the proxy's address unless forwarded headers are trusted.
/// </summary>
public static class PortalRateLimits
{
    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration("RateLimits");
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                var bucket = BucketOf(context.Request);
                if (bucket is null)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }
                var limits = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<RateLimitOptions>>().Value;
                var limit = bucket == "sign-in" ? limits.SignIn : limits.Search;
                var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                return RateLimitPartition.GetFixedWindowLimiter(bucket + " " + client, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limit.PermitLimit),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
        });
        return services;
    }

    /// <summary>Which limit a request counts against, or null for none (pages, static files).</summary>
    public static string? BucketOf(HttpRequest request)
    {
        var path = request.Path;
        if (HttpMethods.IsPost(request.Method) && (path.Equals("/account/sign-in", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/account/two-factor", StringComparison.OrdinalIgnoreCase)))
        {
            return "sign-in";
        }
        if (path.StartsWithSegments("/api") || path.Equals("/entries", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/entries/", StringComparison.OrdinalIgnoreCase) || path.Equals("/entries/feed", StringComparison.OrdinalIgnoreCase)
            || (path.StartsWithSegments("/entries") && path.Value!.StartsWith("/entries/export.", StringComparison.OrdinalIgnoreCase)))
        {
            return "search";
        }
        return null;
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var context = rejected.HttpContext;
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var t = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        string message = t["Too many requests from your address. Please wait {0} seconds and try again.", seconds];
        // A body of its own, so the status code pages do not replace it with "page not found".
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await Results.Problem(message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(message, ct);
    }
}
