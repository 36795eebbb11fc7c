using System.Net;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Headers as served, rate limits, errors in Production, and what the logs keep of a reader.</summary>
public sealed class SecurityTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    [InlineData(Nota + "/cijfers.csv")]
    [InlineData("/bestaat-niet")]
    public async Task Responses_CarryTheSecurityHeaders(string url)
    {
        var response = await site.Factory.CreateClient().GetAsync(new Uri(url, UriKind.Relative));
        string Header(string name) => string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : response.Content.Headers.TryGetValues(name, out var content) ? content : []);

        var csp = Header("Content-Security-Policy");
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header("Referrer-Policy"));
        Assert.Contains("camera=()", Header("Permissions-Policy"), StringComparison.Ordinal);
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS only in Production");
    }

    [Fact]
    public async Task Production_SendsHsts()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("Site:BaseUrl", "https://perspectief.almelo.nl");

        var response = await factory.CreateClient(new() { BaseAddress = new Uri("https://perspectief.almelo.nl") }).GetAsync(new Uri(Nota, UriKind.Relative));

        Assert.True(response.Headers.Contains("Strict-Transport-Security"), $"{response.StatusCode} {response.RequestMessage?.RequestUri} {response.Headers}");
        Assert.StartsWith("max-age=31536000", string.Join("", response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_RedirectsHttpToHttps()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("https_port", "443");

        var response = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(new Uri(Nota, UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, response.StatusCode);
        Assert.Equal("https://localhost/perspectiefnota-2026-2029", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task RateLimit_AnswersTooManyRequestsWithRetryAfter_ButNeverForHealth()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root)
            .WithSetting("RateLimiting:Enabled", "true")
            .WithSetting("RateLimiting:PermitLimit", "5")
            .WithSetting("RateLimiting:WindowSeconds", "60");
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 7; i++)
        {
            last = await client.GetAsync(new Uri(Nota, UriKind.Relative));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        Assert.InRange(last!.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RateLimit_CountsEveryPathUnderHealth_ExceptTheTwoProbes()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root)
            .WithSetting("RateLimiting:Enabled", "true")
            .WithSetting("RateLimiting:PermitLimit", "3")
            .WithSetting("RateLimiting:WindowSeconds", "60");
        var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.GetAsync(new Uri($"/health/x{i}", UriKind.Relative))).StatusCode);
        }
        var longPath = await client.GetAsync(new Uri("/health/" + new string('A', 7_900), UriKind.Relative));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, longPath.StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task RateLimit_CountsStaticFilesApartFromPages()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root)
            .WithSetting("RateLimiting:Enabled", "true")
            .WithSetting("RateLimiting:PermitLimit", "3")
            .WithSetting("RateLimiting:AssetPermitLimit", "3")
            .WithSetting("RateLimiting:WindowSeconds", "60");
        var client = factory.CreateClient();
        var script = (await client.Html(Nota)).QuerySelectorAll("script[src]").Select(l => l.GetAttribute("src")!).First(h => h.StartsWith("js/site.", StringComparison.Ordinal));
        for (var i = 0; i < 3; i++)
        {
            await client.GetAsync(new Uri(Nota, UriKind.Relative));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri(Nota, UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/" + script, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task RateLimited_RequestIsLoggedAsAWarning()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink)
            // A busy test machine must not turn the first request into a "slow request" warning.
            .WithSetting("RequestLogging:SlowRequestMilliseconds", "600000")
            .WithSetting("RateLimiting:Enabled", "true")
            .WithSetting("RateLimiting:PermitLimit", "1")
            .WithSetting("RateLimiting:WindowSeconds", "60");
        var client = factory.CreateClient();

        await client.GetAsync(new Uri(Nota, UriKind.Relative));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync(new Uri(Nota, UriKind.Relative))).StatusCode);

        var logged = await Http.Eventually(
            () => Task.FromResult(sink.Events.FirstOrDefault(e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "429")),
            e => e is not null,
            TimeSpan.FromSeconds(5));
        Assert.Equal(LogEventLevel.Warning, logged!.Level);
        Assert.DoesNotContain(sink.Events, e => e.Properties.TryGetValue("StatusCode", out var status) && status.ToString() == "200" && e.Properties.ContainsKey("RequestPath"));
    }

    [Theory]
    [InlineData("/perspectiefnota-2026-2029", 200, 5, LogEventLevel.Debug)]
    [InlineData("/perspectiefnota-2026-2029", 404, 5_000, LogEventLevel.Warning)]
    [InlineData("/health/live", 200, 5, LogEventLevel.Verbose)]
    [InlineData("/health/x", 200, 5, LogEventLevel.Debug)]
    [InlineData("/perspectiefnota-2026-2029", 200, 5_000, LogEventLevel.Warning)]
    [InlineData("/perspectiefnota-2026-2029", 404, 5, LogEventLevel.Information)]
    [InlineData("/perspectiefnota-2026-2029", 429, 5, LogEventLevel.Warning)]
    [InlineData("/perspectiefnota-2026-2029", 500, 5, LogEventLevel.Error)]
    [InlineData("/health", 200, 5, LogEventLevel.Verbose)]
    [InlineData("/health/inhoud", 503, 5, LogEventLevel.Verbose)]
    // A reader who kept the island open for a minute is not a slow request.
    [InlineData("/_blazor", 101, 60_000, LogEventLevel.Information)]
    public void RequestLog_LevelFollowsWhatOperatorsNeed(string path, int status, double elapsed, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Response.StatusCode = status;

        Assert.Equal(expected, PerspectiefHost.RequestLogLevel(context, elapsed, error: null, slowMilliseconds: 1000, Repeats(new FixedClock(PerspectiefFactory.Today))));
    }

    /// <summary>Static files are told apart by their endpoint, not by a dot in the path: downloads are logged like pages (docs/deployment.md).</summary>
    [Fact]
    public async Task RequestLog_DownloadsAtDebugLikePages_StaticFilesAndHealthProbesAtVerbose()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink)
            .WithSetting("RequestLogging:SlowRequestMilliseconds", "600000")
            .WithSetting("Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware", "Verbose");
        var client = factory.CreateClient();
        string[] paths = [Nota, Nota + "/cijfers.csv", Nota + "/vergaderingen.ics", "/sitemap.xml", "/robots.txt", "/js/site.js", "/health/live"];

        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(path, UriKind.Relative))).StatusCode);
        }
        var levels = await Http.Eventually(
            () => Task.FromResult(paths.Select(p => sink.Events.FirstOrDefault(e => RequestPath(e) == p)?.Level).ToList()),
            logged => logged.All(level => level is not null),
            TimeSpan.FromSeconds(5));

        Assert.Equal(
            [LogEventLevel.Debug, LogEventLevel.Debug, LogEventLevel.Debug, LogEventLevel.Debug, LogEventLevel.Debug, LogEventLevel.Verbose, LogEventLevel.Verbose],
            levels);
    }

    [Fact]
    public void RequestLog_RepeatedClientErrors_AreWrittenOncePerClientNetworkStatusAndWindow()
    {
        var clock = new FixedClock(PerspectiefFactory.Today);
        var repeats = Repeats(clock);
        LogEventLevel Level(string address, int status)
        {
            var context = new DefaultHttpContext();
            context.Request.Path = "/bestaat-niet";
            context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            context.Response.StatusCode = status;
            return PerspectiefHost.RequestLogLevel(context, 5, error: null, slowMilliseconds: 1000, repeats);
        }

        Assert.Equal(LogEventLevel.Information, Level("203.0.113.7", 404));
        Assert.Equal(LogEventLevel.Debug, Level("203.0.113.7", 404));
        Assert.Equal(LogEventLevel.Debug, Level("203.0.113.200", 404));
        Assert.Equal(LogEventLevel.Information, Level("198.51.100.7", 404));
        Assert.Equal(LogEventLevel.Warning, Level("203.0.113.7", 429));
        Assert.Equal(LogEventLevel.Debug, Level("203.0.113.7", 429));
        clock.Now += TimeSpan.FromSeconds(60);
        Assert.Equal(LogEventLevel.Information, Level("203.0.113.7", 404));
        Assert.Equal(LogEventLevel.Warning, Level("203.0.113.7", 429));
    }

    [Fact]
    public async Task RequestLog_NotFoundRepeatedByOneClient_WritesOneLineInProduction()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink).WithSetting("RequestLogging:SlowRequestMilliseconds", "600000");
        var client = factory.CreateClient();

        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/bestaat-niet-{i}", UriKind.Relative))).StatusCode);
        }
        // A request logged for certain, after the 404s.
        await client.GetAsync(new Uri("/test/fout", UriKind.Relative));
        await Http.Eventually(() => Task.FromResult(sink.Events.Any(e => e.Level == LogEventLevel.Error && RequestPath(e) == "/test/fout")), seen => seen, TimeSpan.FromSeconds(5));

        Assert.Single(sink.Events, e => RequestPath(e)?.StartsWith("/bestaat-niet-", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task RequestLog_LongPath_IsTruncatedInEveryEvent()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink);
        var path = "/health/1" + new string('A', 7_900);

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative))).StatusCode);

        var logged = await Http.Eventually(
            () => Task.FromResult(sink.Events.FirstOrDefault(e => RequestPath(e)?.StartsWith("/health/1AAA", StringComparison.Ordinal) == true)),
            e => e is not null,
            TimeSpan.FromSeconds(5));
        Assert.Equal($"{path[..200]}…[7909 characters]", RequestPath(logged!));
        Assert.DoesNotContain(sink.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains(path[..300], StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains(path[..300], StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ErrorPage_AskedForDirectly_IsNotFound_AndLogsNoError()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink);
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/fout", UriKind.Relative));
        await client.GetAsync(new Uri("/test/fout", UriKind.Relative));
        await Http.Eventually(() => Task.FromResult(sink.Events.Any(e => RequestPath(e) == "/test/fout")), seen => seen, TimeSpan.FromSeconds(5));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Deze pagina bestaat niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error && RequestPath(e) == "/fout");
    }

    private static RepeatedLogFilter Repeats(TimeProvider clock) => new(clock, Microsoft.Extensions.Options.Options.Create(new RequestLoggingOptions()));

    private static string? RequestPath(LogEvent logged) =>
        logged.Properties.TryGetValue("RequestPath", out var path) && path is ScalarValue { Value: string value } ? value : null;

    [Fact]
    public async Task ForwardedHeaders_FromLoopbackWithoutConfiguredProxies_AreIgnored()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink, IPAddress.Loopback);
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/bestaat-niet", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "198.51.100.7");

        await factory.CreateClient().SendAsync(request);

        var logged = await Http.Eventually(
            () => Task.FromResult(sink.Events.LastOrDefault(e => e.Properties.ContainsKey("ClientAddress"))),
            e => e is not null,
            TimeSpan.FromSeconds(5));
        Assert.Equal("\"127.0.0.0\"", logged!.Properties["ClientAddress"].ToString());
    }

    [Fact]
    public async Task Production_AnswersOnlyToTheHostOfItsBaseUrl()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("Https:Redirect", "false");

        var own = await factory.CreateClient().GetAsync(new Uri(Nota, UriKind.Relative));
        var other = await factory.CreateClient(new() { BaseAddress = new Uri("http://aanvaller.example") }).GetAsync(new Uri(Nota, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("href=\"https://localhost/perspectiefnota-2026-2029\"", await own.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductionError_ShowsAPlainDutchPageWithAReference_AndTheLogHasTheDetailsUnderIt()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink);
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/test/fout", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("Er ging iets mis", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Geheim detail", html, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", html, StringComparison.Ordinal);
        var reference = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).QuerySelector(".referentie")!.TextContent;
        Assert.Matches("^[0-9a-f]{32}$", reference);
        var logged = sink.Events.Where(e => e.Exception?.Message == "Geheim detail").ToList();
        Assert.NotEmpty(logged);
        Assert.Contains(logged, e => e.TraceId?.ToHexString() == reference);
    }

    [Fact]
    public async Task RequestLog_KeepsOnlyATruncatedClientAddress()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new ThrowingFactory(content.Root, sink);

        await factory.CreateClient().GetAsync(new Uri("/bestaat-niet", UriKind.Relative));

        // The request (a 404: kept at Information in Production) is logged when the server has finished it, which can be just after the client has the answer.
        var request = await Http.Eventually(
            () => Task.FromResult(sink.Events.LastOrDefault(e => e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal) && e.Properties["RequestPath"].ToString() == "\"/bestaat-niet\"")),
            e => e is not null,
            TimeSpan.FromSeconds(5));
        Assert.True(request!.Properties.ContainsKey("ClientAddress"), string.Join(", ", request.Properties.Keys));
        Assert.Equal("\"203.0.113.0\"", request.Properties["ClientAddress"].ToString());
        Assert.DoesNotContain(sink.Events, e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("203.0.113.77", StringComparison.Ordinal)
            || e.Properties.Values.Any(v => v.ToString().Contains("203.0.113.77", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("203.0.113.77", "203.0.113.0")]
    [InlineData("::ffff:198.51.100.9", "198.51.100.0")]
    [InlineData("2001:db8:85a3:1234:5678:8a2e:370:7334", "2001:db8:85a3::")]
    public void ClientAddress_DropsTheLastPart(string address, string expected) =>
        Assert.Equal(expected, ClientAddress.Truncate(IPAddress.Parse(address)));

    /// <summary>Production, with a log sink to read, a fixed client address, and one endpoint that fails.</summary>
    [Fact]
    public async Task ProductionError_AtAnEnglishAddress_ShowsTheErrorPageInEnglish()
    {
        using var content = ContentFixture.Reference();
        using var factory = new ThrowingFactory(content.Root, new CollectingSink());

        var response = await factory.CreateClient().GetAsync(new Uri("/en/test/fout", UriKind.Relative));
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Something went wrong", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/en']"));
    }

    private sealed class ThrowingFactory(string content, CollectingSink sink, IPAddress? client = null) : PerspectiefFactory(content, environment: "Production")
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Https:Redirect", "false");
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(sink);
                services.AddSingleton<IStartupFilter>(new ThrowingEndpoint(client ?? IPAddress.Parse("203.0.113.77")));
            });
        }
    }

    private sealed class ThrowingEndpoint(IPAddress client) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = client;
                return following(context);
            });
            next(app);
            app.UseEndpoints(endpoints =>
            {
                endpoints.MapGet("/test/fout", (HttpContext _) => throw new InvalidOperationException("Geheim detail"));
                endpoints.MapGet("/en/test/fout", (HttpContext _) => throw new InvalidOperationException("Geheim detail"));
            });
        };
    }
}
