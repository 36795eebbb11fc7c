using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Tests;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>The publication page in English and its Dutch page with the switch, on the shipped content (it has an English text).</summary>
[Collection(BrowserTests.Name)]
public sealed class EnglishBrowserTests(BrowserSite browser, EnglishBrowserTests.Site english) : IClassFixture<EnglishBrowserTests.Site>
{
    private const string Nota = "/" + ContentFixture.Slug;

    /// <summary>
    /// The English publication at each size with every check on it, in one visit: axe, the switch, figures and dates in
    /// English, and at phone sizes every element inside the window once scrolled through (the Dutch page's checks are
    /// PageTests'; the switch on a Dutch page is axe-checked there on the site's own pages).
    /// </summary>
    [Theory]
    [InlineData(320, 640)]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task EnglishPublication_AtEachSize_HasNoAxeViolations_ShowsEnglishFiguresAndFitsTheWindow(int width, int height)
    {
        await using var tab = await browser.NewPage(width, height, site: english.Address);
        var page = tab.Page;
        await page.GotoAsync("/en" + Nota);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await BrowserSite.AssertStyled(page);

        var axe = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        var switchVisible = await page.Locator("header .taalkeuze a").IsVisibleAsync();
        await Assertions.Expect(page.Locator("#cijfer-besparing-totaal .cijfer__waarde")).ToHaveTextAsync("€30\u00A0million");
        await Assertions.Expect(page.Locator("#cijfer-banen-2024 .cijfer__waarde")).ToHaveTextAsync("49,000");
        await Assertions.Expect(page.Locator("#cijfer-banen-2018 .cijfer__waarde")).ToHaveTextAsync("fewer than 42,250");
        await Assertions.Expect(page.Locator("#vergaderingen time").First).ToHaveTextAsync("Tuesday 1 July 2025");
        string[] tooWide = [];
        if (width < 1000)
        {
            await PageTests.ScrollThrough(tab);
            tooWide = await PageTests.OverflowingElements(page);
            await Assertions.Expect(page.Locator("#grafiek-groei-banen canvas")).ToHaveAttributeAsync("data-getekend", "ja");
        }

        Assert.Multiple(
            () => Assert.True(axe.Violations.Length == 0, PageTests.Describe(axe)),
            () => Assert.True(overflow <= 0, $"the English page is {overflow}px wider than a {width}px window"),
            () => Assert.True(switchVisible, "the English page has no visible language switch"),
            () => Assert.Empty(tooWide));
    }

    [Fact]
    public async Task LanguageSwitch_IsTheThirdTabStop_WithVisibleFocus_AndEnterOpensTheEnglishPage()
    {
        await using var tab = await browser.NewPage(360, 740, site: english.Address);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        // The skip link, the site's name, then the switch.
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        var focused = await page.EvaluateAsync<string[]>(@"() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return [e.textContent, e.getAttribute('hreflang'), String((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none')];
        }");
        Assert.Equal(["English", "en", "true"], focused);

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(english.Address, "/en" + Nota).ToString());
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task LanguageSwitch_KeepsTheSectionBeingRead_WithJavaScriptOnly(bool javaScript)
    {
        await using var tab = await browser.NewPage(1280, 800, javaScript, site: english.Address);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        var section = await page.EvaluateAsync<string>("() => document.querySelectorAll('main section.sectie')[2].id");

        // A reader reads the third section, then scrolls back up to the switch and chooses English.
        await page.EvaluateAsync("id => document.getElementById(id).scrollIntoView({ block: 'start' })", section);
        if (javaScript)
        {
            await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
            // The island in that section has started Blazor, as it does for a reader: its enhanced navigation is then live.
            await Assertions.Expect(page.Locator("#wetten button.wet-knop").First).ToBeVisibleAsync();
        }
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        await page.Locator("header .taalkeuze a").ClickAsync();

        var expected = new Uri(english.Address, "/en" + Nota + (javaScript ? "#" + section : string.Empty)).ToString();
        await page.WaitForURLAsync(expected);
        Assert.Equal(expected, page.Url);
        // A whole page load, also after the island started Blazor (its enhanced navigation would keep lang="nl").
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
    }

    [Fact]
    public async Task EnglishPublication_Printed_KeepsTheTranslationNoticeAndEveryTextButNotTheSwitch()
    {
        await using var tab = await browser.NewPage(1280, 800, site: english.Address);
        var page = tab.Page;
        await page.GotoAsync("/en" + Nota);
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Wmo" })).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator(".taalkeuze")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("p.vertaling-melding")).ToBeVisibleAsync();
        Assert.Equal(3, await page.Locator(".wetten__lijst p").Filter(new() { Visible = true }).CountAsync());
        Assert.Equal(2, await page.Locator("figure.grafiek table").Filter(new() { Visible = true }).CountAsync());
        var figures = page.Locator(".cijfer__waarde");
        Assert.Equal(await figures.CountAsync(), await figures.Filter(new() { Visible = true }).CountAsync());
    }

    [Fact]
    public async Task EnglishSectionLink_WithJavaScript_SaysInEnglishThatItWasCopied()
    {
        await using var tab = await browser.NewPage(1280, 800, site: english.Address);
        var page = tab.Page;
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = english.Address.GetLeftPart(UriPartial.Authority) });
        await page.GotoAsync("/en" + Nota);
        var expected = new Uri(english.Address, "/en" + Nota + "#besparing").ToString();

        await page.Locator("#besparing .kop-met-link a.eigen-link").ClickAsync();

        await Assertions.Expect(page.Locator("#meldingen")).ToHaveTextAsync("The link has been copied: " + expected);
        await Assertions.Expect(page.Locator(".link-gekopieerd")).ToHaveTextAsync("Link copied");
    }

    /// <summary>The site on the shipped content, whose Perspectiefnota has an English text, on a port of its own.</summary>
    public sealed class Site : IDisposable
    {
        private readonly ContentFixture content = ContentFixture.Live();
        private readonly PerspectiefFactory factory;

        public Site()
        {
            factory = new PerspectiefFactory(content.Root);
            Address = factory.StartOnRealPort();
        }

        public Uri Address { get; }

        public void Dispose()
        {
            factory.Dispose();
            content.Dispose();
        }
    }
}
