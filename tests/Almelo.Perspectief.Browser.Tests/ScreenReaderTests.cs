using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>What a screen reader and a keyboard get: the accessibility tree's names, and focus that stays in view.</summary>
[Collection(BrowserTests.Name)]
public sealed partial class ScreenReaderTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task AccessibilityTree_NamesEveryHeadingAndSectionByItsTextOnly(int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var tree = await page.Locator("main").AriaSnapshotAsync();

        var headings = HeadingLine().Matches(tree).Select(m => m.Groups["name"].Value).ToList();
        var texts = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main h2, main h3')].filter(h => h.checkVisibility()).map(h => h.textContent.trim())");
        Assert.True(texts.SequenceEqual(headings), tree);
        // Every region: the sections by their heading's text, and in Development the editors' banner by its label.
        var sections = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('main section')].map(s => s.getAttribute('aria-label') ?? document.getElementById(s.getAttribute('aria-labelledby')).textContent.trim())");
        var regions = RegionLine().Matches(tree).Select(m => m.Groups["name"].Value).ToList();
        Assert.True(sections.SequenceEqual(regions), tree);
        // The status notice is a landmark and a heading of its own, right after the title.
        Assert.Equal("Hoe ver is het besluit?", headings[0]);
        Assert.Equal(regions.IndexOf("In het kort") - 1, regions.IndexOf("Hoe ver is het besluit?"));
        Assert.DoesNotContain("Link naar", tree, StringComparison.Ordinal);
        Assert.Contains("link \"Kopieer link\"", tree, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessibilityTree_FiguresTableOnAPhone_ReadsNoGeneratedPunctuation()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var table = await page.Locator(".cijferlijst").AriaSnapshotAsync();

        Assert.Contains("cell \"€ 30 miljoen\"", table.Replace('\u00A0', ' '), StringComparison.Ordinal);
        Assert.DoesNotContain("·", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1280, 800)]
    [InlineData(1280, 600)]
    public async Task Keyboard_FocusInTheStickyContentsList_IsWhollyInView(int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        var links = page.Locator(".sectie-menu a");
        var count = await links.CountAsync();
        await links.First.FocusAsync();

        for (var i = 0; i < count; i++)
        {
            var box = await page.EvaluateAsync<double[]>("() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.bottom]; }");
            var text = await page.EvaluateAsync<string>("() => document.activeElement.textContent");
            Assert.True(box[0] >= 0 && box[1] <= height, $"'{text}' has focus at {box[0]:0}–{box[1]:0} px in a window {height} px high.");
            await page.Keyboard.PressAsync("Tab");
        }
    }

    [GeneratedRegex("""- heading "(?<name>[^"]*)" \[level=[23]\]""")]
    private static partial Regex HeadingLine();

    [GeneratedRegex("- region \"(?<name>[^\"]*)\"")]
    private static partial Regex RegionLine();
}
