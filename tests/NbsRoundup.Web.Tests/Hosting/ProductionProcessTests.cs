using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using NbsRoundup.Testing;

namespace NbsRoundup.Web.Tests.Hosting;

/// <summary>
/// The portal as an operator runs it in Production: the real process, from the build output (bin/)
/// and from a publish of it, over plain http on loopback. What the test server cannot show: which
/// static-asset manifest the process finds, and what the environment changes.
/// </summary>
public sealed class ProductionProcessTests(ProductionProcessTests.Portals portals) : IClassFixture<ProductionProcessTests.Portals>
{
    /// <summary>One portal process per kind of output, each on a database of its own.</summary>
    public sealed class Portals : IAsyncLifetime
    {
        private readonly List<(Process Process, string Database, string? Folder)> _started = [];
        private readonly Dictionary<string, Uri> _addresses = [];
        private readonly StringBuilder _output = new();

        public Uri this[string kind] => _addresses[kind];

        /// <summary>The folder of each kind of output the portals run from.</summary>
        public Dictionary<string, string> Folders { get; } = [];

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public async Task InitializeAsync()
        {
            var (root, configuration) = Repository();
            var build = Build;
            var published = Directory.CreateTempSubdirectory("nbs-published-").FullName;
            // --no-build: the publish of exactly the build the tests run against (seconds, not a minute). The
            // Release publish is ReadyToRun for the machine's platform, which needs a build for that platform:
            // here the platform-neutral build is published as it is (what a publish serves is the same files).
            await RunAsync("dotnet", ["publish", Path.Combine(root, "src", "NbsRoundup.Web"), "--no-build", "--no-restore", "-c", configuration,
                "-p:PublishReadyToRun=false", "-p:RuntimeIdentifier=", "-o", published, "-v", "q", "--nologo"]);
            Folders["build"] = build;
            Folders["publish"] = published;
            _addresses["build"] = await StartAsync(build, [Path.Combine(build, "NbsRoundup.Web.dll")], null);
            _addresses["publish"] = await StartAsync(published, [Path.Combine(published, "NbsRoundup.Web.dll")], published);
            // As the README says to run Production locally: dotnet run with its launch profile, the environment from the shell.
            _addresses["dotnet run"] = await StartAsync(root, ["run", "--no-build", "--no-restore", "-c", configuration, "--project", Path.Combine(root, "src", "NbsRoundup.Web"), "--"], null);
        }

        private async Task<Uri> StartAsync(string folder, string[] command, string? owned)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var process = Start(folder, [.. command, "--urls", address.ToString(), "--Site:PublicUrl=https://nbs.example.org"], owned);
            using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
            var until = DateTime.UtcNow.AddSeconds(90);
            while (DateTime.UtcNow < until && !process.HasExited)
            {
                try
                {
                    if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                    {
                        return address;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200);
            }
            throw new InvalidOperationException($"the portal in {folder} did not start:\n{Output}");
        }

        /// <summary>The portal on a database of its own, in Production, with these arguments.</summary>
        public Process Start(string folder, string[] command, string? owned = null)
        {
            var database = TestEngine.CreateDatabase("nbs-production");
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in (string[])[.. command, $"--Catalogue:ContentPath={ContentFiles.Folder}", .. PortalFactory.DatabaseArgumentsFor(database)])
            {
                start.ArgumentList.Add(arg);
            }
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _started.Add((process, database, owned));
            return process;
        }

        /// <summary>The build output these tests run against.</summary>
        public static string Build
        {
            get
            {
                var (root, configuration) = Repository();
                return Path.Combine(root, "src", "NbsRoundup.Web", "bin", configuration, "net10.0");
            }
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }

        private static async Task RunAsync(string file, string[] args)
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}:\n{await output}\n{await errors}");
        }

        /// <summary>The repository root and the configuration (Debug, Release) these tests were built in.</summary>
        private static (string Root, string Configuration) Repository()
        {
            var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var configuration = here.Parent!.Name;
            var root = here;
            while (!File.Exists(Path.Combine(root.FullName, "NbsRoundup.sln")))
            {
                root = root.Parent ?? throw new InvalidOperationException("NbsRoundup.sln not found above " + AppContext.BaseDirectory);
            }
            return (root.FullName, configuration);
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public Task DisposeAsync()
        {
            foreach (var (process, database, folder) in _started)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
                process.WaitForExit();
                process.Dispose();
                TestEngine.DropDatabase(database);
                if (folder is not null)
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            return Task.CompletedTask;
        }
    }

    private HttpClient Client(string kind) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = portals[kind] };

    [Theory]
    [InlineData("build")]
    [InlineData("publish")]
    [InlineData("dotnet run")]
    public async Task Every_stylesheet_and_script_a_page_names_is_served_whole_to_a_browser_that_accepts_gzip(string kind)
    {
        using var client = Client(kind);
        var page = new HtmlParser().ParseDocument(await client.GetStringAsync("/"));
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        Assert.Contains(assets, a => a.StartsWith("/css/site.", StringComparison.Ordinal));

        foreach (var asset in assets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, asset);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentType?.MediaType is "text/css" or "text/javascript" or "application/javascript", $"{asset}: {response.Content.Headers.ContentType}");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var body = response.Content.Headers.ContentEncoding.Contains("gzip")
                ? Encoding.UTF8.GetString(await Gunzip(bytes))
                : Encoding.UTF8.GetString(bytes);
            Assert.True(body.Length > 100, $"{asset} ({kind}) answered {bytes.Length} bytes");
        }
    }

    private static async Task<byte[]> Gunzip(byte[] bytes)
    {
        await using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        using var plain = new MemoryStream();
        await gzip.CopyToAsync(plain);
        return plain.ToArray();
    }

    [Theory]
    [InlineData("build")]
    [InlineData("publish")]
    [InlineData("dotnet run")]
    public async Task The_catalogue_its_API_and_an_issue_answer_from_every_way_of_starting_the_portal(string kind)
    {
        // A build setting once broke /api/entries under one way of starting only (the API's handlers
        // generated at compile time answered 404 from a dotnet run): each way is asked for each kind of endpoint.
        using var client = Client(kind);
        Assert.Contains("共 8 条", await client.GetStringAsync("/entries?q=wetland"));
        using var api = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/entries?q=wetland"));
        Assert.Equal(8, api.RootElement.GetProperty("total").GetInt32());
        using var issue = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/issues/2021-11"));
        Assert.Equal("2021-11", issue.RootElement.GetProperty("slug").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/entries/corporate-net-zero-standard")).StatusCode);
    }

    [Theory]
    [InlineData("build", "/account/sign-in", "GET")]
    [InlineData("build", "/account/sign-in", "POST")]
    [InlineData("build", "/admin", "GET")]
    [InlineData("publish", "/account/sign-in", "GET")]
    [InlineData("dotnet run", "/account/sign-in", "GET")] // ASPNETCORE_ENVIRONMENT=Production wins over the launch profile
    public async Task Signing_in_over_plain_http_says_what_to_configure_instead_of_failing(string kind, string url, string method)
    {
        using var client = Client(kind);

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "POST" ? new FormUrlEncodedContent([new("Input.Email", "a@example.org")]) : null });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(response.Headers.Contains("Content-Security-Policy"), "no security headers");
        var message = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("需要 HTTPS", message, StringComparison.Ordinal);
        Assert.Contains("Hosting:KnownProxies", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("publish")]
    public void The_portal_runs_with_the_garbage_collector_and_tiers_its_project_chose(string kind)
    {
        // Server GC with dynamic adaptation kept the portal about 70 MiB smaller under load than
        // workstation GC (bench/RESULTS.md). The project file once chose workstation GC under a
        // property name MSBuild ignores, and the runtime configuration said otherwise all along.
        using var config = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(portals.Folders[kind], "NbsRoundup.Web.runtimeconfig.json")));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.GetProperty("System.GC.Server").GetBoolean());
        Assert.True(properties.GetProperty("System.GC.Concurrent").GetBoolean());
        // Without the instrumented tier the documented publish started in 1.51 s instead of 1.75 (median).
        Assert.False(properties.GetProperty("System.Runtime.TieredPGO").GetBoolean());
    }

    [Fact]
    public async Task A_trace_request_is_a_405_page_without_a_stack_trace()
    {
        using var client = Client("build");

        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Trace, "/"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(" at ", body, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_a_public_address_does_not_start_and_names_the_setting()
    {
        var build = Portals.Build;
        var process = portals.Start(build, [Path.Combine(build, "NbsRoundup.Web.dll"), "--urls", "http://127.0.0.1:0"]);

        // Generous: on a loaded machine with PostgreSQL the process takes its time to get to the check.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);

        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains("Site:PublicUrl must be the address readers reach the portal at", portals.Output, StringComparison.Ordinal);
    }
}
