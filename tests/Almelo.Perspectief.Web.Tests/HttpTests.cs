using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Every public URL over HTTP, asserting on the facts a reader sees in the HTML.</summary>
public sealed class HttpTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    private async Task<(HttpResponseMessage Response, IHtmlDocument Document)> Get(string url)
    {
        var client = site.Factory.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return (response, new HtmlParser().ParseDocument(html));
    }

    [Theory]
    [InlineData("/", "text/html")]
    [InlineData(Nota, "text/html")]
    [InlineData("/health", "application/json")]
    [InlineData("/health/live", "text/plain")]
    public async Task PublicUrl_Answers200WithItsContentType(string url, string contentType)
    {
        var (response, _) = await Get(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/bestaat-niet")]
    [InlineData("/perspectiefnota-2025-2028")]
    [InlineData("/perspectiefnota-2026-2029/onbekend")]
    [InlineData("/Perspectiefnota-2026-2029")]
    public async Task UnknownPath_Returns404WithADutchPage(string url)
    {
        var (response, document) = await Get(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Deze pagina bestaat niet", document.QuerySelector("h1")?.TextContent);
        Assert.NotNull(document.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task Home_ListsThePublicationAndLinksToIt()
    {
        var (_, document) = await Get("/");

        var link = document.QuerySelector($"a[href='{Nota}']");
        Assert.NotNull(link);
        Assert.Equal("Perspectiefnota 2026-2029", link.TextContent);
        Assert.Contains("28 mei 2025", document.QuerySelector(".publicaties")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_IsDutchAndHasOneH1()
    {
        var (_, document) = await Get(Nota);

        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
        Assert.Single(document.QuerySelectorAll("h1"));
        Assert.Equal("Perspectiefnota 2026-2029", document.QuerySelector("h1")!.TextContent);
        Assert.StartsWith("Perspectiefnota 2026-2029", document.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_RendersAllSectionsInOrderWithTheirIds()
    {
        var (_, document) = await Get(Nota);

        var ids = document.QuerySelectorAll("section.sectie").Select(s => s.Id).ToList();
        Assert.Equal(["persbericht", "besparing", "keuzes", "banen", "woningbouw", "sociaal-domein", "vergaderingen", "begrippen", "voor-de-pers"], ids);
        var nav = document.QuerySelectorAll("nav.sectie-menu a").Select(a => a.GetAttribute("href"));
        Assert.Equal(ids.Select(id => Nota + "#" + id), nav);
    }

    [Fact]
    public async Task PublicationPage_ShowsTheSavingsAndTheSociaalDomeinShare()
    {
        var (_, document) = await Get(Nota);

        Assert.Equal("€ 30 miljoen", Value(document, "besparing-totaal"));
        Assert.Equal("2/3", Value(document, "aandeel-sociaal-domein"));
        Assert.Equal("€ 20 miljoen", Value(document, "besparing-sociaal-domein"));
        Assert.Equal("€ 10 miljoen", Value(document, "besparing-overig"));
        Assert.Contains("€ 30.000.000 × 2/3 = € 20.000.000", Card(document, "besparing-sociaal-domein").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_ShowsJobGrowthSince2018()
    {
        var (_, document) = await Get(Nota);

        Assert.Equal("49.000", Value(document, "banen-2024"));
        Assert.Equal("ruim 6.750", Value(document, "banen-groei"));
        Assert.Equal("ongeveer 42.250", Value(document, "banen-2018"));
        Assert.Equal("40%", Value(document, "aandeel-hightech"));
        Assert.Equal("ongeveer 2.700", Value(document, "banen-hightech"));
    }

    [Theory]
    [InlineData("besparing-totaal", false)]
    [InlineData("banen-2024", false)]
    [InlineData("besparing-sociaal-domein", true)]
    [InlineData("besparing-overig", true)]
    [InlineData("banen-2018", true)]
    [InlineData("banen-hightech", true)]
    public async Task PublicationPage_MarksDerivedFiguresAndNamesTheirSource(string id, bool derived)
    {
        var (_, document) = await Get(Nota);

        var card = Card(document, id);
        Assert.Equal(derived ? "Berekend" : "Vermeld", card.QuerySelector(".soort-cijfer")!.TextContent);
        Assert.Contains("Persbericht ‘Vertrouwen in de toekomst’, Gemeente Almelo, 28 mei 2025", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_HasTheQuoteWithItsSpeaker()
    {
        var (_, document) = await Get(Nota);

        var quote = document.QuerySelector("#keuzes figure.citaat")!;
        Assert.StartsWith("“We staan voor lastige beslissingen", quote.QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Jeffrey Hinnen, wethouder Financiën", quote.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public async Task PublicationPage_HasHousingText()
    {
        var (_, document) = await Get(Nota);

        Assert.Contains("aantrekkelijk als woon- en werkstad", document.GetElementById("woningbouw")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_ListsTheMeetingsWithWeekdayAndMarksThemPassed()
    {
        var (_, document) = await Get(Nota);

        var meetings = document.QuerySelectorAll("#vergaderingen li.vergadering").ToList();
        Assert.Equal(["dinsdag 1 juli 2025", "dinsdag 8 juli 2025", "donderdag 10 juli 2025"], meetings.Select(m => m.QuerySelector("time")!.TextContent));
        Assert.Equal(["2025-07-01", "2025-07-08", "2025-07-10"], meetings.Select(m => m.QuerySelector("time")!.GetAttribute("datetime")));
        Assert.All(meetings, m => Assert.Equal("Voorbij", m.QuerySelector(".vergadering__status")!.TextContent));
        Assert.Contains("Politieke avond", meetings[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("de raad beslist", meetings[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("Deze vergaderingen zijn voorbij", document.GetElementById("vergaderingen")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_HasBothChartsAsFigureWithSummaryCanvasAndTable()
    {
        var (_, document) = await Get(Nota);

        foreach (var id in new[] { "grafiek-verdeling-besparing", "grafiek-groei-banen" })
        {
            var figure = document.GetElementById(id)!;
            Assert.Equal("FIGURE", figure.TagName);
            Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector(".grafiek__samenvatting")?.TextContent));
            var canvas = figure.QuerySelector("canvas[data-grafiek]")!;
            using var config = JsonDocument.Parse(canvas.GetAttribute("data-grafiek")!);
            Assert.NotNull(figure.QuerySelector("table caption"));
        }
        var split = document.GetElementById("grafiek-verdeling-besparing")!;
        var cells = split.QuerySelectorAll("tbody td").Select(c => c.TextContent).ToList();
        Assert.Equal(["€ 20.000.000", "66,7%", "€ 10.000.000", "33,3%"], cells);
        Assert.Contains("€ 30.000.000", split.QuerySelector("tfoot")!.TextContent, StringComparison.Ordinal);

        var jobs = document.GetElementById("grafiek-groei-banen")!;
        var rows = jobs.QuerySelectorAll("tbody tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["2018", "ongeveer 42.250", "–", "–", "ongeveer 42.250"], rows[0]);
        Assert.Equal(["Voorjaar 2024", "ongeveer 42.250", "ongeveer 2.700", "ongeveer 4.050", "ongeveer 49.000"], rows[1]);
    }

    [Fact]
    public async Task PublicationPage_ChartDataHoldsTheSameNumbersAsTheTable()
    {
        var (_, document) = await Get(Nota);

        var canvas = document.QuerySelector("#grafiek-verdeling-besparing canvas")!;
        using var config = JsonDocument.Parse(canvas.GetAttribute("data-grafiek")!);
        var data = config.RootElement.GetProperty("datasets")[0].GetProperty("data").EnumerateArray().Select(d => d.GetDecimal());
        Assert.Equal([20_000_000m, 10_000_000m], data);
        Assert.Equal("doughnut", config.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task PublicationPage_HasEveryLawAsStaticHtmlForReadersWithoutJavaScript()
    {
        var (_, document) = await Get(Nota);

        var laws = document.QuerySelectorAll("#sociaal-domein .wetten__lijst h4").Select(h => h.TextContent);
        Assert.Equal(["Jeugdwet", "Wmo", "Participatiewet"], laws);
        Assert.Contains("Wet maatschappelijke ondersteuning", document.GetElementById("wet-wmo")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_FooterNamesSourceAndDate()
    {
        var (_, document) = await Get(Nota);

        var footer = document.QuerySelector("footer")!.TextContent;
        Assert.Contains("Persbericht ‘Vertrouwen in de toekomst’", footer, StringComparison.Ordinal);
        Assert.Contains("28 mei 2025", footer, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("footer a[href='https://almelo2025.perspectiefnota.nl/']"));
    }

    [Fact]
    public async Task Layout_HasSkipLinkFirstAndTheLandmarks()
    {
        var (_, document) = await Get(Nota);

        var firstLink = document.Body!.QuerySelector("a")!;
        Assert.Equal(Nota + "#inhoud", firstLink.GetAttribute("href"));
        Assert.NotNull(document.QuerySelector("main#inhoud"));
        Assert.NotNull(document.QuerySelector("header"));
        Assert.NotNull(document.QuerySelector("footer"));
        Assert.Contains("Gemeente Almelo", document.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_ReportsHealthyContentAsJson()
    {
        var (response, _) = await Get("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data").GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task ChartScript_IsServedFromTheSiteItself()
    {
        var client = site.Factory.CreateClient();
        var response = await client.GetAsync(new Uri("/lib/chart.js/chart.umd.min.js", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Chart.js v4.6.1", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static AngleSharp.Dom.IElement Card(IHtmlDocument document, string id) =>
        document.GetElementById($"cijfer-{id}") ?? throw new Xunit.Sdk.XunitException($"No figure #cijfer-{id}");

    private static string Value(IHtmlDocument document, string id) => Card(document, id).QuerySelector(".cijfer__waarde")!.TextContent;
}
