using NbsRoundup.LinkChecking;
using NbsRoundup.Lookup;
using NbsRoundup.Web.Areas.Admin;
using NbsRoundup.Web.Areas.Admin.Pages.Entries;

namespace NbsRoundup.Web.Hosting;

/// <summary>
/// The portal's one link look-up (and its fetcher, shared by the link checker), from the `Lookup`
/// section: `AllowPrivateAddresses` (false; true only to test against a server on this machine),
/// `UserAgent` (add a contact address), `DoiResolver` (https://doi.org/). Refusals are logged by the
/// fetcher with addresses cut to scheme, host and path: queries may carry tokens.
/// </summary>
public static class PortalLookup
{
    public static IServiceCollection AddLinkLookup(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var loggers = provider.GetRequiredService<ILoggerFactory>();
            var allowPrivate = configuration.GetValue("Lookup:AllowPrivateAddresses", false);
            if (allowPrivate)
            {
                loggers.CreateLogger("NbsRoundup.Lookup").LogWarning(
                    "Lookup:AllowPrivateAddresses is on: links may reach this machine and its network. Use it for local testing only.");
            }
            return new LinkLookup(new LinkLookupOptions
            {
                DoiResolver = configuration["Lookup:DoiResolver"] is { Length: > 0 } resolver ? new Uri(resolver) : new Uri("https://doi.org/"),
                Fetcher = new SafeFetcherOptions
                {
                    AllowPrivateAddresses = allowPrivate,
                    UserAgent = configuration["Lookup:UserAgent"] is { Length: > 0 } agent ? agent : SafeFetcherOptions.DefaultUserAgent,
                },
            }, loggers);
        });
        services.AddSingleton(provider => new LinkChecker(provider.GetRequiredService<LinkLookup>().Fetcher, new LinkCheckOptions
        {
            Concurrency = provider.GetRequiredService<IConfiguration>().GetValue("Lookup:CheckConcurrency", 4),
            PerHostPause = TimeSpan.FromMilliseconds(provider.GetRequiredService<IConfiguration>().GetValue("Lookup:CheckPerHostPauseMilliseconds", 1000)),
        }, provider.GetRequiredService<ILogger<LinkChecker>>()));
        return services;
    }

    /// <summary>The admin area's tools for editors: filling entry forms from links, and link checks run one at a time in the background.</summary>
    public static IServiceCollection AddEditorTools(this IServiceCollection services)
    {
        services.AddScoped<EntryAssistant>();
        services.AddSingleton<LinkCheckRuns>();
        services.AddHostedService(provider => provider.GetRequiredService<LinkCheckRuns>());
        return services;
    }
}
