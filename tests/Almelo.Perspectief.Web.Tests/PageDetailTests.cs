namespace Almelo.Perspectief.Web.Tests;

/// <summary>Small things a reader notices: what the footer offers, how a title breaks, what the privacy page promises.</summary>
public sealed class PageDetailTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private HttpClient Client => site.Factory.CreateClient();

    [Theory]
    [InlineData("/")]
    [InlineData("/perspectiefnota-2026-2029")]
    [InlineData("/privacy")]
    public async Task Footer_OffersNoRawXml_ButTheSitemapStaysForMachines(string url)
    {
        var document = await Client.Html(url);

        Assert.Empty(document.QuerySelectorAll("footer a[href$='.xml']"));
        var sitemap = await Client.GetAsync(new Uri("/sitemap.xml", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, sitemap.StatusCode);
    }

    [Fact]
    public async Task HomeCard_KeepsTheYearsOfTheTitleOnOneLine()
    {
        var document = await Client.Html("/");

        var title = document.QuerySelector(".publicatie-kaart h2 a")!;

        Assert.Equal("Perspectiefnota 2026-2029", title.TextContent);
        Assert.Equal("2026-2029", title.QuerySelector("span.samen")!.TextContent);
    }

    [Fact]
    public async Task Privacy_SaysTheConnectionOpensWhenAReaderScrollsNearTheChooser()
    {
        var text = (await Client.Html("/privacy")).QuerySelector("main")!.TextContent;

        Assert.Contains("Dat gebeurt al als u ernaartoe scrolt, ook als u niets kiest", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alleen als u de keuze tussen de wetten gebruikt", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_HasNoHeadingInsideASummary()
    {
        var document = await Client.Html("/perspectiefnota-2026-2029");

        Assert.Empty(document.QuerySelectorAll("summary h1, summary h2, summary h3, summary h4, summary h5, summary h6"));
        Assert.Contains("Citaat van", document.QuerySelector(".pers__citaat summary")!.TextContent, StringComparison.Ordinal);
    }
}
