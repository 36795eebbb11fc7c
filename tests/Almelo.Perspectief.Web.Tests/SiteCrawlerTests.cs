using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Almelo.Perspectief.Web.Commands;
using Almelo.Perspectief.Web.StaticExport;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The export's crawler against a stub site: which addresses it asks for, without starting the app.</summary>
public sealed class SiteCrawlerTests
{
    private const string Page = """
        <!DOCTYPE html><html><head><base href="/"></head><body>
        <a href="/health">a</a> <a href="https://perspectief.almelo.nl/health/live">b</a> <a href="/_blazor/initializers">c</a>
        <a href="/fout">d</a> <a href="/niet-gevonden">e</a> <a href="/HEALTH">f</a> <a href="/privacy/../health">g</a>
        <div data-eiland="/_eiland/perspectiefnota-2026-2029/wetten"></div>
        <a href="/privacy">een pagina</a>
        </body></html>
        """;

    [Fact]
    public async Task Crawl_PageLinksTheSitesOwnRoutes_NeverRequestsThemAndNamesTheLinkedOnes()
    {
        var site = new StubSite(new Dictionary<string, string>(StringComparer.Ordinal) { ["/"] = Page, ["/privacy"] = "<p>privacy</p>" });
        using var client = new HttpClient(site) { BaseAddress = new Uri("http://127.0.0.1:5000") };
        var crawler = new SiteCrawler(client, new Uri(ExportRun.BaseUrl));

        var fetched = new List<string>();
        await foreach (var file in crawler.Crawl(["/"], [], [ExportCommand.NotFoundFile]))
        {
            fetched.Add(file.Path);
        }

        Assert.Equal(["/404.html", "/", "/privacy"], site.Requested);
        Assert.Equal(["/404.html", "/", "/privacy"], fetched);
        Assert.Equal(
            ["/health (gevonden in /)", "/health/live (gevonden in /)", "/_blazor/initializers (gevonden in /)", "/fout (gevonden in /)", "/niet-gevonden (gevonden in /)", "/HEALTH (gevonden in /)"],
            crawler.Skipped);
        Assert.Empty(crawler.Broken);
    }

    [Fact]
    public async Task Crawl_FollowsTheLanguageSwitch_AndFetchesTheNotFoundPageOfEveryLanguage()
    {
        var site = new StubSite(new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["/"] = """<nav class="taalkeuze"><a href="/en" lang="en" hreflang="en">English</a></nav>""",
            ["/en"] = """<nav class="taalkeuze"><a href="/" lang="nl" hreflang="nl">Nederlands</a></nav>""",
        });
        using var client = new HttpClient(site) { BaseAddress = new Uri("http://127.0.0.1:5000") };
        var crawler = new SiteCrawler(client, new Uri(ExportRun.BaseUrl));

        var fetched = new List<string>();
        await foreach (var file in crawler.Crawl(["/"], [], ExportCommand.NotFoundFiles))
        {
            fetched.Add(file.Path);
        }

        Assert.Equal(["/404.html", "/en/404.html", "/", "/en"], fetched);
        Assert.Empty(crawler.Broken);
    }

    /// <summary>Answers the given pages as HTML (and /404.html with a 404 page), every other address with 404; records every request.</summary>
    private sealed class StubSite(IReadOnlyDictionary<string, string> pages) : HttpMessageHandler
    {
        private readonly ConcurrentQueue<string> requested = new();

        public IReadOnlyList<string> Requested => [.. requested];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsolutePath;
            requested.Enqueue(path);
            var found = pages.TryGetValue(path, out var html);
            return Task.FromResult(new HttpResponseMessage(found ? HttpStatusCode.OK : HttpStatusCode.NotFound)
            {
                Content = new StringContent(html ?? "<p>niet gevonden</p>", Encoding.UTF8, "text/html"),
            });
        }
    }
}
