using Serilog;

namespace NbsRoundup.Web.Hosting;

public static class PortalLogging
{
    /// <summary>
    /// Serilog from the "Serilog" section of configuration. Configured per host (no static
    /// bootstrap logger), so that several hosts in one test process do not share a frozen logger.
    /// preserveStaticLogger: each host logs through its own logger; otherwise the last host
    /// built would take over the static Log.Logger that every host's ILoggerFactory writes to.
    /// </summary>
    public static void AddPortalLogging(this WebApplicationBuilder builder) =>
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services), preserveStaticLogger: true);
}
