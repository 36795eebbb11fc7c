using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>Each page in Chromium at phone and desktop size: readable, not wider than the screen, charts drawn, axe clean.</summary>
[Collection(BrowserTests.Name)]
public sealed class PageTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    /// <summary>Every page of the site: home, the publication, the two site pages and the 404 page.</summary>
    public static readonly string[] Pages = ["/", Nota, "/toegankelijkheid", "/privacy", "/bestaat-niet"];

    public static TheoryData<string, int, int> PagesAndSizes()
    {
        var data = new TheoryData<string, int, int>();
        foreach (var page in Pages)
        {
            data.Add(page, 360, 740);
            data.Add(page, 1280, 800);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(PagesAndSizes))]
    public async Task Page_HasNoAxeViolations(string url, int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });

        Assert.True(
            result.Violations.Length == 0,
            string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [MemberData(nameof(PagesAndSizes))]
    public async Task Page_KeepsAllContentInLandmarks(string url, int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(url);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "rule", Values = ["region", "landmark-one-main", "landmark-unique", "page-has-heading-one", "heading-order", "landmark-no-duplicate-banner", "landmark-no-duplicate-contentinfo"] },
        });

        Assert.True(result.Violations.Length == 0, string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id}: {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Theory]
    [MemberData(nameof(PagesAndSizes))]
    public async Task Page_FitsTheWindowWithoutHorizontalScrolling(string url, int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(url);

        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");

        Assert.True(overflow <= 0, $"{url} is {overflow}px wider than a {width}px window");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Publication_DrawsBothCharts(int width, int height)
    {
        var page = await site.NewPage(width, height);
        await page.GotoAsync(Nota);

        foreach (var id in new[] { "grafiek-verdeling-besparing", "grafiek-groei-banen" })
        {
            var canvas = page.Locator($"#{id} canvas");
            // Charts are drawn when the reader scrolls near them.
            await canvas.ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(canvas).ToHaveAttributeAsync("data-getekend", "ja");
            var box = await canvas.BoundingBoxAsync();
            Assert.True(box is { Width: > 100, Height: > 100 }, $"{id} is drawn at {box?.Width}x{box?.Height}");
        }
    }

    [Fact]
    public async Task Publication_ShowsTheStoryOnAPhone()
    {
        var page = await site.NewPage(360, 740);
        await page.GotoAsync(Nota);

        await Assertions.Expect(page.Locator("#cijfer-besparing-totaal .cijfer__waarde")).ToHaveTextAsync("€ 30 miljoen");
        await Assertions.Expect(page.Locator("#cijfer-besparing-sociaal-domein .cijfer__waarde")).ToHaveTextAsync("€ 20 miljoen");
        await Assertions.Expect(page.Locator("#cijfer-banen-2024 .cijfer__waarde")).ToHaveTextAsync("49.000");
        await Assertions.Expect(page.Locator("#vergaderingen time").First).ToHaveTextAsync("dinsdag 1 juli 2025");
    }

    [Fact]
    public async Task LawIsland_RespondsToAClick()
    {
        var page = await site.NewPage(1280, 800);
        await page.GotoAsync(Nota);
        // The island starts (script and circuit) when a reader comes near it.
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();

        var button = page.GetByRole(AriaRole.Button, new() { Name = "Wmo" });
        await button.ClickAsync();

        await Assertions.Expect(button).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(page.Locator(".wetten__paneel:not([hidden]) h4")).ToHaveTextAsync("Wmo");
        await Assertions.Expect(page.Locator(".wetten__paneel:not([hidden])")).ToContainTextAsync("Wet maatschappelijke ondersteuning");
    }
}
