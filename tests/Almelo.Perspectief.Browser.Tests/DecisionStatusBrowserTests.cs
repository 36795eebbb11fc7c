using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Tests;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>
/// The status notice and the meeting cards in Chromium, in the cases the reference site (all meetings over, no
/// outcome) does not show: meetings to come, and an outcome with every meeting detail filled in.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class DecisionStatusBrowserTests(BrowserSite site, DecisionSites sites) : IClassFixture<DecisionSites>
{
    private const string Nota = "/" + ContentFixture.Slug;

    public static TheoryData<string, int> CasesAndWidths()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in new[] { "komend", "besloten" })
        {
            foreach (var width in new[] { 320, 360, 1280 })
            {
                data.Add(name, width);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndWidths))]
    public async Task Status_AtEachWidth_SitsUnderTheTitleFitsTheScreenAndHasNoAxeViolations(string name, int width)
    {
        await using var tab = await site.NewPage(width, 800, site: sites.Address(name));
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var status = page.Locator("#status");
        await Assertions.Expect(status).ToBeVisibleAsync();
        await Assertions.Expect(status).ToContainTextAsync("De gemeenteraad");
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('h1').nextElementSibling.id === 'status'"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        var calendars = await page.Locator(".vergadering a[href$='.ics']").CountAsync();
        Assert.Equal(name == "komend" ? 3 : 0, calendars);

        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(
            result.Violations.Length == 0,
            string.Join(Environment.NewLine, result.Violations.Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    [Fact]
    public async Task Status_OnThePhone_IsOnTheFirstScreen()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var box = await page.Locator("#status").BoundingBoxAsync();

        Assert.NotNull(box);
        Assert.True(box.Y < 740, $"The status starts at {box.Y}px, below the first screen.");
    }
}

/// <summary>The site of each case, started when its first test needs it and shared by the widths.</summary>
public sealed class DecisionSites : IDisposable
{
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    private readonly Dictionary<string, (ContentFixture Content, PerspectiefFactory Factory, Uri Address)> sites = [];

    public Uri Address(string name)
    {
        lock (sites)
        {
            if (!sites.TryGetValue(name, out var site))
            {
                var content = Content(name);
                var (factory, address) = BrowserSite.Host(content.Root);
                sites[name] = site = (content, factory, address);
            }
            return site.Address;
        }
    }

    private static ContentFixture Content(string name) => name == "komend"
        ? ContentFixture.Live()
            .Replace(Vergaderingen, "\"datum\": \"2025-07-01\"", "\"datum\": \"2031-07-01\", \"begintijd\": \"19:30\", \"eindtijd\": \"22:00\", \"plaats\": { \"naam\": \"Raadzaal (voorbeeld)\", \"adres\": \"Voorbeeldstraat 1, Almelo\" }, \"inspreken\": { \"tekst\": \"Meld u aan bij de griffie (voorbeeld).\", \"link\": \"https://raad.example.org/inspreken\" }, \"uitzending\": \"https://raad.example.org/live\"")
            .Replace(Vergaderingen, "\"datum\": \"2025-07-08\"", "\"datum\": \"2031-07-08\"")
            .Replace(Vergaderingen, "\"datum\": \"2025-07-10\"", "\"datum\": \"2031-07-10\"")
            // The shipped content has an English text, which then needs the English of the speaking text too.
            .Replace(ContentFixture.Slug + "/vertaling.en.json", "\"politieke-avond-2025-07-01\": { \"onderwerp\": \"Discussing the Perspectiefnota\" }", "\"politieke-avond-2025-07-01\": { \"onderwerp\": \"Discussing the Perspectiefnota\", \"inspreken\": \"Sign up with the clerk (example).\" }")
        : ContentFixture.WithOutcome()
            .Replace(Vergaderingen, "\"datum\": \"2025-07-01\"", "\"datum\": \"2025-07-01\", \"uitzending\": \"https://raad.example.org/opname\", \"agenda\": \"https://raad.example.org/agenda\"");

    public void Dispose()
    {
        foreach (var (content, factory, _) in sites.Values)
        {
            factory.Dispose();
            content.Dispose();
        }
    }
}
