using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using NbsRoundup.Testing;
using NbsRoundup.Web.Hosting;

namespace NbsRoundup.Web.Tests.Hosting;

public sealed class HealthTests
{
    [Fact]
    public async Task Readyz_is_ready_on_a_migrated_catalogue_and_healthz_answers()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();

        var ready = await client.GetAsync("/readyz");
        var live = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Without_its_catalogue_an_instance_is_alive_but_not_ready()
    {
        using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/readyz")).StatusCode);

        // PostgreSQL: the database is gone. SQLite: the next connection makes a new, empty file, with every migration pending.
        TestEngine.DropDatabase(portal.ConnectionString);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task A_stopping_instance_is_no_longer_ready_so_the_balancer_sends_nothing_new()
    {
        using var portal = new PortalFactory();
        using var scope = portal.Services.CreateScope();
        var running = ActivatorUtilities.CreateInstance<CatalogueReadiness>(scope.ServiceProvider);
        // Stopping the host itself would also stop the test server; a lifetime that is stopping shows what the check sees then.
        var stopping = ActivatorUtilities.CreateInstance<CatalogueReadiness>(scope.ServiceProvider, new StoppingLifetime());

        Assert.Equal(HealthStatus.Healthy, (await running.CheckHealthAsync(new HealthCheckContext())).Status);
        var result = await stopping.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("shutting down", result.Description);
    }

    private sealed class StoppingLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => new(canceled: true);

        public CancellationToken ApplicationStopping => new(canceled: true);

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }

    [Fact]
    public async Task Shutting_down_lets_a_request_in_flight_finish()
    {
        var portal = new SlowPortal(shutdownTimeoutSeconds: 30);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        var response = client.GetAsync("/test/slow");
        await portal.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var stopping = portal.DisposeAsync().AsTask();
        await Task.Delay(500);
        Assert.False(stopping.IsCompleted, "the host stopped with a request still running");
        portal.Release.SetResult();

        var answer = await response.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("finished", await answer.Content.ReadAsStringAsync());
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_request_that_outlasts_the_shutdown_timeout_does_not_hold_the_instance_up()
    {
        var portal = new SlowPortal(shutdownTimeoutSeconds: 1);
        using var client = new HttpClient { BaseAddress = portal.BaseAddress };
        var response = client.GetAsync("/test/slow");
        await portal.Entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        await portal.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(20));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(15));
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => response);
        portal.Release.SetResult();
    }

    /// <summary>The portal on a real Kestrel port, with a request that runs until the test releases it.</summary>
    private sealed class SlowPortal : PortalFactory
    {
        private readonly int _shutdownTimeoutSeconds;

        public SlowPortal(int shutdownTimeoutSeconds)
        {
            _shutdownTimeoutSeconds = shutdownTimeoutSeconds;
            UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            StartServer();
            BaseAddress = new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }

        public Uri BaseAddress { get; }

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Hosting:ShutdownTimeoutSeconds", _shutdownTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter>(new SlowEndpoint(this)));
        }

        private sealed class SlowEndpoint(SlowPortal portal) : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                app.Map("/test/slow", slow => slow.Run(async context =>
                {
                    portal.Entered.TrySetResult();
                    // Not the request's own token: a graceful stop must wait for the handler, not cancel it.
                    await portal.Release.Task;
                    await context.Response.WriteAsync("finished");
                }));
                next(app);
            };
        }
    }
}
