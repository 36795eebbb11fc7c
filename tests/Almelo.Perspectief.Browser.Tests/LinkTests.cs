using Almelo.Perspectief.Content.Tests;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>Links that journalists use: copy a section's address, and old ids that still land in the right place.</summary>
[Collection(BrowserTests.Name)]
public sealed class LinkTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Fact]
    public async Task SectionLink_WithJavaScript_CopiesTheFullAddressAndSaysSo()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = site.BaseAddress.GetLeftPart(UriPartial.Authority) });
        await page.GotoAsync(Nota);
        var expected = new Uri(site.BaseAddress, Nota + "#besparing").ToString();

        await page.Locator("#besparing .kop-met-link a.eigen-link").ClickAsync();

        await Assertions.Expect(page.Locator("#meldingen")).ToHaveTextAsync("De link is gekopieerd: " + expected);
        Assert.Equal(expected, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        Assert.Equal(expected, page.Url);
    }

    [Fact]
    public async Task SectionLink_WithoutJavaScript_IsAPlainAnchorThatMovesToTheSection()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        await page.Locator("#vergaderingen .kop-met-link a.eigen-link").ClickAsync();

        Assert.EndsWith(Nota + "#vergaderingen", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#vergaderingen h2")).ToBeInViewportAsync();
    }

    [Fact]
    public async Task FigureLink_OpensThePageAtThatNumber()
    {
        await using var tab = await site.NewPage(360, 740, javaScript: false);
        var page = tab.Page;

        await page.GotoAsync(Nota + "#cijfer-banen-hightech");

        await Assertions.Expect(page.Locator("#cijfer-banen-hightech .cijfer__waarde")).ToBeInViewportAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task OldId_KeptAsAlias_LandsOnTheRenamedSection(bool javaScript)
    {
        using var content = ContentFixture.Reference()
            .Replace(ContentFixture.Slug + "/publicatie.json", "\"aliassen\": {", "\"aliassen\": { \"bezuiniging\": \"besparing\", \"cijfer-bezuiniging\": \"cijfer-besparing-totaal\",");
        var (factory, address) = BrowserSite.Host(content.Root);
        using var _ = factory;
        await using var tab = await site.NewPage(360, 740, javaScript, site: address);
        var page = tab.Page;

        await page.GotoAsync(Nota + "#bezuiniging");
        await Assertions.Expect(page.Locator("#besparing h2")).ToBeInViewportAsync();

        await page.GotoAsync(Nota + "#cijfer-bezuiniging");
        await Assertions.Expect(page.Locator("#cijfer-besparing-totaal .cijfer__waarde")).ToBeInViewportAsync();
    }
}
