using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>Residents: keyboard only, large text, no JavaScript, reduced motion, printing, privacy (a narrow phone: <see cref="PageTests"/>).</summary>
[Collection(BrowserTests.Name)]
public sealed class ResidentTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Fact]
    public async Task Keyboard_FirstTabIsTheSkipLink_WhichMovesFocusToTheMainContent()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Direct naar de inhoud", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
        await Assertions.Expect(page.Locator(".skiplink")).ToBeInViewportAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'inhoud'");
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('inhoud').contains(document.activeElement)"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    public async Task Keyboard_ReachesEveryLinkAndControlInPageOrder_WithVisibleFocus(string url)
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (url == Nota)
        {
            // The order of the live page, island included (its start while tabbing has a test of its own below).
            await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(page.Locator(".wet-knop").First).ToBeVisibleAsync();
            await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        }
        var expected = await page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('a[href], button, [tabindex=\"0\"]')].filter(e => e.offsetParent !== null || e.classList.contains('skiplink')).length");

        var visited = new List<string>();
        var invisibleFocus = new List<string>();
        for (var i = 0; i < expected + 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var state = await page.EvaluateAsync<string[]>(@"() => {
                const e = document.activeElement;
                if (!e || e === document.body) return ['', 'body', '0'];
                const s = getComputedStyle(e);
                const visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
                const order = [...document.querySelectorAll('*')].indexOf(e);
                return [e.tagName + ' ' + (e.getAttribute('href') || e.textContent.trim()).slice(0, 60), visible ? 'ja' : 'nee', String(order)];
            }");
            if (state[1] == "body" || visited.Contains(state[0] + "@" + state[2]))
            {
                break;
            }
            visited.Add(state[0] + "@" + state[2]);
            if (state[1] == "nee")
            {
                invisibleFocus.Add(state[0]);
            }
        }

        Assert.True(visited.Count >= expected, $"Tab reached {visited.Count} of {expected} links and controls.");
        var positions = visited.Select(v => int.Parse(v[(v.LastIndexOf('@') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(positions.Order().ToList(), positions);
        Assert.Empty(invisibleFocus);
    }

    [Fact]
    public async Task Keyboard_TabbingIntoTheIslandBeforeItStarts_KeepsFocusInTheIsland()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal(0, await page.Locator(".wet-knop").CountAsync());

        // Focus lands on the first law of the prerendered list; that starts the island, which replaces the list.
        await page.Locator(".wetten__lijst summary").First.FocusAsync();

        await Assertions.Expect(page.Locator(".wet-knop").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Wmo", await page.EvaluateAsync<string>("() => document.activeElement.textContent.trim()"));
    }

    [Fact]
    public async Task Keyboard_LawIslandWorksWithEnterAndSpace()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        // The island starts (script and circuit) when a reader comes near it.
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        var wmo = page.GetByRole(AriaRole.Button, new() { Name = "Wmo" });
        var participatiewet = page.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" });

        await wmo.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(wmo).ToHaveAttributeAsync("aria-expanded", "true");

        await participatiewet.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(participatiewet).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".wetten__lijst li:has(p:not([hidden])) .wet-knop")).ToHaveTextAsync("Participatiewet");
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    public async Task TextAt200Percent_StillFitsWithoutHorizontalScrolling(string url)
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(url);

        await page.EvaluateAsync("() => document.documentElement.style.fontSize = '200%'");

        var tooWide = await page.EvaluateAsync<string[]>(@"() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
            .map(e => e.tagName + '.' + e.className + '#' + e.id)");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, "Wider than the window: " + string.Join(", ", tooWide));
        var heading = await page.Locator("h1").BoundingBoxAsync();
        Assert.True(heading!.Height > 60, $"h1 is {heading.Height}px high: the text did not grow");
    }

    [Fact]
    public async Task ReducedMotion_TurnsChartAnimationOff()
    {
        await using var calmTab = await site.NewPage(1280, 800, reducedMotion: true);
        var calm = calmTab.Page;
        await calm.GotoAsync(Nota);
        await calm.Locator("#grafiek-groei-banen canvas").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(calm.Locator("#grafiek-groei-banen canvas")).ToHaveAttributeAsync("data-getekend", "ja");
        await using var movingTab = await site.NewPage(1280, 800);
        var moving = movingTab.Page;
        await moving.GotoAsync(Nota);
        await moving.Locator("#grafiek-groei-banen canvas").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(moving.Locator("#grafiek-groei-banen canvas")).ToHaveAttributeAsync("data-getekend", "ja");

        const string Animation = "() => Chart.getChart(document.querySelector('#grafiek-groei-banen canvas')).options.animation";
        Assert.False(await calm.EvaluateAsync<bool>(Animation + " !== false"));
        Assert.True(await moving.EvaluateAsync<bool>(Animation + " !== false"));
    }

    [Fact]
    public async Task WithoutJavaScript_EverythingIsOnThePage_AndNothingSaysLoading()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await NoJavaScriptChecks.AssertPublicationIsComplete(page);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    public async Task NoRequest_LeavesTheSitesOwnOrigin(string url)
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        if (url == Nota)
        {
            // Blazor starts when a reader comes near the island.
            await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Jeugdwet" }).ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        }

        var origin = site.BaseAddress.GetLeftPart(UriPartial.Authority);
        Assert.NotEmpty(requests);
        Assert.All(requests, r => Assert.True(r.StartsWith(origin + "/", StringComparison.Ordinal) || r.StartsWith("ws://" + site.BaseAddress.Authority + "/", StringComparison.Ordinal), r));
    }

    [Fact]
    public async Task ChartJs_IsLoadedOnlyOnPagesWithACharts_WhenTheReaderComesNearOne()
    {
        // Charts are drawn from 40rem wide; a phone gets their sentence and table only.
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);

        await page.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(requests, r => r.Contains("chart", StringComparison.OrdinalIgnoreCase));

        await page.GotoAsync(Nota);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.DoesNotContain(requests, r => r.Contains("chart", StringComparison.OrdinalIgnoreCase));

        await page.Locator("#grafiek-verdeling-besparing canvas").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#grafiek-verdeling-besparing canvas")).ToHaveAttributeAsync("data-getekend", "ja");
        Assert.Single(requests, r => r.Contains("/lib/chart.js/chart", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Print_HasAllTextFiguresTablesAndLaws_WithoutNavigation()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Wmo" })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("nav.sectie-menu")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".hoofdmenu")).ToBeHiddenAsync();
        Assert.Equal(3, await page.Locator(".wetten__lijst p").Filter(new() { Visible = true }).CountAsync());
        Assert.Equal(2, await page.Locator("figure.grafiek table").Filter(new() { Visible = true }).CountAsync());
        Assert.Equal(11, await page.Locator(".cijfer__waarde").Filter(new() { Visible = true }).CountAsync());
        await Assertions.Expect(page.Locator("#banen .sectie-tekst")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Glossary_FirstUseOfATermLeadsToItsExplanation()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await page.Locator("#besparing a.begrip", new() { HasText = "structureel" }).First.ClickAsync();

        await Assertions.Expect(page.Locator("#begrip-structureel")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#begrip-structureel dd")).ToContainTextAsync("Elk jaar opnieuw");
    }
}
