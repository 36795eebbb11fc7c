using System.Xml.Linq;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Tests;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>The reference content exported by the real program and served as plain files, with no app behind it.</summary>
public sealed class ExportedReference : IAsyncLifetime
{
    private readonly ContentFixture content = ContentFixture.Reference();

    public ExportRun Export { get; private set; } = default!;

    public StaticSite Files { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Export = await ExportRun.Of(content.Root);
        if (Export.Exit != 0)
        {
            throw new InvalidOperationException($"The export failed: {Export}");
        }
        Files = await StaticSite.Serve(Export.Output);
    }

    /// <summary>Every page of the export's own sitemap, and an unknown address (the 404 page).</summary>
    public IReadOnlyList<string> Pages() =>
        XDocument.Load(Path.Combine(Export.Output, "sitemap.xml"))
            .Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9"))
            .Select(l => new Uri(l.Value).AbsolutePath)
            .Append("/bestaat-niet")
            .ToList();

    public async Task DisposeAsync()
    {
        await Files.DisposeAsync();
        Export.Dispose();
        content.Dispose();
    }
}

/// <summary>The exported site in Chromium: axe clean at phone and desktop size, complete without JavaScript, and no circuit.</summary>
[Collection(BrowserTests.Name)]
public sealed class ExportBrowserTests(BrowserSite site, ExportedReference export) : IClassFixture<ExportedReference>
{
    private const string Nota = "/" + ContentFixture.Slug;

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task ExportedPages_HaveNoAxeViolations(int width, int height)
    {
        var pages = export.Pages();
        Assert.Contains(Nota, pages);
        var violations = new List<string>();
        // One tab for all pages: the pages are static files, so a visit leaves nothing behind for the next one.
        await using var tab = await site.NewPage(width, height, site: export.Files.Address);
        var page = tab.Page;
        foreach (var url in pages)
        {
            // Loaded is enough: an exported page has no island, so nothing after the load event changes its markup
            // but the charts' drawing (PageTests waits for the network on the live pages).
            await page.GotoAsync(url);
            var result = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
            });
            violations.AddRange(result.Violations.Select(v => $"{url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task ExportedPublication_WithJavaScript_OpensNoCircuitAndStillDrawsTheCharts()
    {
        await using var tab = await site.NewPage(1280, 800, site: export.Files.Address);
        var page = tab.Page;
        var requests = new List<string>();
        var failed = new List<string>();
        var sockets = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failed.Add($"{response.Status} {response.Url}");
            }
        };
        page.WebSocket += (_, socket) => sockets.Add(socket.Url);

        await page.GotoAsync(Nota);
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        var canvas = page.Locator("#grafiek-groei-banen canvas");
        await canvas.ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(canvas).ToHaveAttributeAsync("data-getekend", "ja");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(sockets);
        Assert.Empty(failed);
        Assert.DoesNotContain(requests, r => r.Contains("/_blazor", StringComparison.Ordinal) || r.Contains("_framework/", StringComparison.Ordinal));
        foreach (var law in new[] { "Jeugdwet", "Wmo", "Participatiewet" })
        {
            await Assertions.Expect(page.Locator(".wetten__lijst summary", new() { HasText = law })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task ExportedPublication_WithoutJavaScript_EverythingIsOnThePage()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false, site: export.Files.Address);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await NoJavaScriptChecks.AssertPublicationIsComplete(page);
    }

    [Fact]
    public async Task ExportedPublication_WithoutJavaScript_SectionAndFigureLinksWork()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false, site: export.Files.Address);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await page.Locator("#vergaderingen .kop-met-link a.eigen-link").ClickAsync();
        Assert.EndsWith(Nota + "#vergaderingen", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#vergaderingen h2")).ToBeInViewportAsync();

        await page.GotoAsync(Nota + "#cijfer-banen-hightech");
        await Assertions.Expect(page.Locator("#cijfer-banen-hightech .cijfer__waarde")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task ExportedSite_WithoutJavaScript_NavigatesFromHomeToPublicationAndBack()
    {
        await using var tab = await site.NewPage(1280, 800, javaScript: false, site: export.Files.Address);
        var page = tab.Page;
        await page.GotoAsync("/");

        await page.Locator($"a[href='{Nota}']").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Perspectiefnota");
        await page.GetByRole(AriaRole.Link, new() { Name = "Toegankelijkheid" }).ClickAsync();
        Assert.EndsWith("/toegankelijkheid", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }
}
