using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Tests;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>Each page in Chromium at phone and desktop size: readable, not wider than the screen, charts drawn, axe clean.</summary>
[Collection(BrowserTests.Name)]
public sealed class PageTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    /// <summary>Every page of the site: home, the publication, the two site pages and the 404 page, and the English ones (EnglishBrowserTests has the English publication).</summary>
    public static readonly string[] Pages = ["/", Nota, Nota + "/bron/persbericht", "/toegankelijkheid", "/privacy", "/bestaat-niet", "/en", "/en/accessibility", "/en/privacy", "/en/bestaat-niet"];

    public static TheoryData<string, int, int> PagesAndSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var page in Pages)
        {
            data.Add(page, 320, 640);
            data.Add(page, 360, 740);
            data.Add(page, 1280, 800);
        }
        return data;
    }

    /// <summary>The cases whose every element, not only the page, must fit its box and the window once scrolled through.</summary>
    private static readonly HashSet<(string Url, int Width)> EveryElement = [(Nota, 320), (Nota, 360), (Nota + "/bron/persbericht", 320), ("/toegankelijkheid", 320)];

    /// <summary>One visit per page and size with every check on it; each check that fails is reported.</summary>
    [Theory]
    [MemberData(nameof(PagesAndSizes))]
    public async Task Page_AtEachSize_HasNoAxeViolationsKeepsAllContentInLandmarksAndFitsTheWindow(string url, int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var wcag = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var landmarks = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "rule", Values = ["region", "landmark-one-main", "landmark-unique", "page-has-heading-one", "heading-order", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo"] },
        });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var headingVisible = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).IsVisibleAsync();
        string[] tooWide = [];
        if (EveryElement.Contains((url, width)))
        {
            await BrowserSite.AssertStyled(page);
            await ScrollThrough(tab);
            tooWide = await OverflowingElements(page);
        }

        Assert.Multiple(
            () => Assert.True(wcag.Violations.Length == 0, Describe(wcag)),
            () => Assert.True(landmarks.Violations.Length == 0, Describe(landmarks)),
            () => Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a {width}px window"),
            () => Assert.True(headingVisible, $"{url} shows no h1"),
            () => Assert.Empty(tooWide));
    }

    [Theory]
    [InlineData(320, 250)]
    [InlineData(360, 280)]
    [InlineData(1280, 280)]
    public async Task Publication_DrawsBothChartsReadablyInTheirReservedBox(int width, int minimumWidth)
    {
        await using var tab = await site.NewPage(width, width < 1000 ? 740 : 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        foreach (var id in new[] { "grafiek-verdeling-besparing", "grafiek-groei-banen" })
        {
            var canvas = page.Locator($"#{id} canvas");
            var reserved = await canvas.BoundingBoxAsync();
            // Charts are drawn when the reader scrolls near them.
            await canvas.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(canvas).ToHaveAttributeAsync("data-getekend", "ja");
            var box = await canvas.BoundingBoxAsync();
            Assert.True(box is { Width: var w, Height: >= 100 } && w >= minimumWidth && box.X + w <= width, $"{id} is drawn at {box?.Width}x{box?.Height} from x {box?.X}");
            // The box was there before the chart: drawing it moves nothing below.
            Assert.Equal(reserved!.Height, box!.Height, 0.5);
            await Assertions.Expect(page.Locator($"#{id} .grafiek__download a").First).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.Locator("#grafiek-groei-banen .grafiek__as")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#grafiek-groei-banen .legenda")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Publication_WithoutScript_ShowsTheSentenceTableAndPicturesButNoEmptyChartBox()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        foreach (var id in new[] { "grafiek-verdeling-besparing", "grafiek-groei-banen" })
        {
            await Assertions.Expect(page.Locator($"#{id} .grafiek-beeld")).ToBeHiddenAsync();
            await Assertions.Expect(page.Locator($"#{id} .grafiek__samenvatting")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#{id} details.grafiek-tabel summary")).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator($"#{id} .grafiek__download a").First).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task Publication_ShowsTheStoryOnAPhone()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await Assertions.Expect(page.Locator("#cijfer-besparing-totaal .cijfer__waarde")).ToHaveTextAsync("€\u00A030\u00A0miljoen");
        await Assertions.Expect(page.Locator("#cijfer-besparing-sociaal-domein .cijfer__waarde")).ToHaveTextAsync("€\u00A020\u00A0miljoen");
        await Assertions.Expect(page.Locator("#cijfer-banen-2024 .cijfer__waarde")).ToHaveTextAsync("49.000");
        await Assertions.Expect(page.Locator("#vergaderingen time").First).ToHaveTextAsync("dinsdag 1 juli 2025");
    }

    [Theory]
    [InlineData(Nota, true)]
    [InlineData(Nota, false)]
    [InlineData("/en" + Nota, true)]
    [InlineData("/en" + Nota, false)]
    public async Task Publication_AtPhoneSize_IsAtMostTenScreensAfterScrollingThrough(string url, bool javaScript)
    {
        // As residents get it: the shipped content, in Production, without the editors' banner that Development shows
        // for stale content.
        using var content = ContentFixture.Live();
        await using var production = new PerspectiefFactory(content.Root, environment: "Production")
            .WithSetting("AllowedHosts", "127.0.0.1")
            .WithSetting("Https:Redirect", "false");
        await using var tab = await site.NewPage(360, 740, javaScript, site: production.StartOnRealPort());
        var page = tab.Page;
        await page.GotoAsync(url);
        // The island starts (script and circuit) when a reader comes near it.
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();

        await BrowserSite.AssertStyled(page);
        var height = await ScrollThrough(tab);

        var parts = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('main > *, .publicatie-kop > *, section.sectie')]
            .map(e => (e.id || e.className) + ' ' + Math.round(e.getBoundingClientRect().height))");
        // Issue 9 allowed 9 screens of 740 px; issues 19 and 21 add the nota's answers, taking part and both charts on a
        // phone, and allow 10.
        Assert.True(height <= 10 * 740, $"The page is {height} px: {height / 740.0:0.0} screens of 740 px ({string.Join(", ", parts)}).");
    }

    [Fact]
    public async Task Publication_FirstTwoScreens_ShowTheAmountTheSociaalDomeinAndACouncilDate()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        // The visible text of every element whose top lies in the first 1,480 px.
        var text = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('main p, main li, main h1, main h2')]
            .filter(e => e.getBoundingClientRect().top + window.scrollY < 1480 && e.checkVisibility())
            .map(e => e.innerText).join(' ')");

        Assert.Contains("€\u00A030\u00A0miljoen", text, StringComparison.Ordinal);
        Assert.Contains("sociaal domein", text, StringComparison.Ordinal);
        Assert.Contains("1 juli 2025", text, StringComparison.Ordinal);
    }

    internal static string Describe(AxeResult result) =>
        string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));

    /// <summary>
    /// Every element that is wider than its box or the window; visually hidden helpers (1 px, clipped) are left out.
    /// </summary>
    internal static Task<string[]> OverflowingElements(IPage page) =>
        page.EvaluateAsync<string[]>(@"() => {
            const out = [];
            const right = document.documentElement.clientWidth;
            for (const e of document.querySelectorAll('body *')) {
                if (e.closest('.visueel-verborgen') || !e.checkVisibility()) continue;
                const box = e.getBoundingClientRect();
                if (box.width < 2 || box.height < 2) continue;
                if (box.right > right + 0.5 || box.left < -0.5) out.push(`${e.tagName}.${e.className} ${Math.round(box.left)}–${Math.round(box.right)}`);
                if (e.scrollWidth > e.clientWidth + 1 && ['auto', 'scroll', 'hidden'].includes(getComputedStyle(e).overflowX)) out.push(`${e.tagName}.${e.className} scrolls ${e.scrollWidth}/${e.clientWidth}`);
            }
            return out;
        }");

    /// <summary>
    /// Scrolls to the end and waits for what coming near starts: the charts drawn, and with JavaScript the live island.
    /// Returns the page's height then.
    /// </summary>
    internal static async Task<int> ScrollThrough(BrowserTab tab)
    {
        var page = tab.Page;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        for (var y = 0; y < height; y += 500)
        {
            // As a reader scrolls: each position is painted (two frames), so that the IntersectionObservers that load
            // the charts and the island see it. Without the wait a busy browser can jump past the island unseen.
            // Without JavaScript the page runs no frame callbacks (the promise would never settle), and nothing waits on a scroll.
            await page.EvaluateAsync(tab.JavaScript
                ? "y => { window.scrollTo(0, y); return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r))); }"
                : "y => window.scrollTo(0, y)", y);
        }
        // Chart.js, the island's markup, blazor.web.js and the circuit: seconds on a busy machine.
        var started = new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 };
        await Assertions.Expect(page.Locator("canvas[data-grafiek]:visible:not([data-getekend])")).ToHaveCountAsync(0, started);
        if (tab.JavaScript && await page.Locator("[data-eiland]").CountAsync() > 0)
        {
            await Assertions.Expect(page.Locator("[data-eiland] .wet-knop").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        }
        return await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
    }
}
