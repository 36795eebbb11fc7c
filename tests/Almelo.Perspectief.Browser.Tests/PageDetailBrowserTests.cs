namespace Almelo.Perspectief.Browser.Tests;

/// <summary>Small layout points from the residents' review, measured in the browser at phone and desktop width.</summary>
[Collection(BrowserTests.Name)]
public sealed class PageDetailBrowserTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Theory]
    [InlineData(320, 640)]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task InHetKort_HasInnerSpaceOnEverySide(int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var padding = await page.EvaluateAsync<double[]>("() => { const s = getComputedStyle(document.querySelector('section.kort')); return [s.paddingLeft, s.paddingRight, s.paddingTop].map(parseFloat); }");

        Assert.All(padding, p => Assert.True(p >= 12, $"padding {string.Join(", ", padding)} px"));
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task Labels_VoorbijAndZelfBerekend_HaveNoButtonLikeBorder(int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var borders = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.vergadering__status, .label-zelf')].map(e => getComputedStyle(e).borderTopWidth)");

        Assert.NotEmpty(borders);
        Assert.All(borders, b => Assert.Equal("0px", b));
    }

    [Fact]
    public async Task LawBoxAndVoorDePers_AtDesktopWidth_KeepTheBodyTextsMeasure()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var widths = await page.EvaluateAsync<double[]>("() => ['#besparing .sectie-tekst', '#wetten', '#voor-de-pers'].map(s => document.querySelector(s).getBoundingClientRect().width)");

        Assert.InRange(widths[1], 0, widths[0] + 1);
        Assert.InRange(widths[2], 0, widths[0] + 1);
    }

    [Fact]
    public async Task HomeCard_AtPhoneWidth_DoesNotBreakTheYears()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync("/");

        var lines = await page.Locator(".publicatie-kaart h2 .samen").EvaluateAsync<int>("e => e.getClientRects().length");

        Assert.Equal(1, lines);
    }
}
