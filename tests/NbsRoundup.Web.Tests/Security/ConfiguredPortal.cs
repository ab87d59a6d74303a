using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace NbsRoundup.Web.Tests.Security;

/// <summary>
/// The portal with settings of the test's own, in a chosen environment. A request's
/// X-Test-Client header stands for the address it comes from (the test server has none).
/// </summary>
public sealed class ConfiguredPortal(string environment, params (string Key, string Value)[] settings) : PortalFactory
{
    public const string ClientHeader = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        if (environment is not ("Development" or "Testing"))
        {
            // Required outside Development; a test's own setting below wins.
            builder.UseSetting("Site:PublicUrl", "https://localhost");
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    /// <summary>A client that speaks https, as browsers do with the portal outside Development.</summary>
    public HttpClient CreateHttpsClient() => CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") });

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers[ClientHeader].FirstOrDefault() ?? "192.0.2.1");
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
