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
    [InlineData(Nota + "/bron/persbericht", "text/html")]
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
        Assert.Equal(["in-het-kort", "besparing", "waar-bespaard", "voor-u", "vergaderingen", "banen", "cijfers", "voor-de-pers"], ids);
        // "In het kort" sits under the title; the contents list names the sections after it.
        var nav = document.QuerySelectorAll("nav.sectie-menu a").Select(a => a.GetAttribute("href"));
        Assert.Equal(ids.Skip(1).Select(id => Nota + "#" + id), nav);
        Assert.Equal(["Hoeveel moet Almelo besparen?", "Waar wordt op bespaard?", "Wat betekent dit voor u?", "Wanneer beslist de gemeenteraad?", "Hoe gaat het met de banen?"],
            document.QuerySelectorAll("section.sectie h2").Skip(1).Take(5).Select(h => h.FirstChild!.TextContent));
    }

    [Fact]
    public async Task PublicationPage_InHetKort_AnswersTheResidentsQuestionsFirst()
    {
        var (_, document) = await Get(Nota);

        var kort = document.GetElementById("in-het-kort")!;
        var status = document.GetElementById("status")!;
        Assert.Same(status, document.QuerySelector("h1")!.NextElementSibling);
        Assert.Same(kort, status.NextElementSibling);
        var lines = kort.QuerySelectorAll(".sectie-tekst li").Select(li => li.TextContent).ToList();
        Assert.InRange(lines.Count, 1, 5);
        Assert.Contains("€\u00A030\u00A0miljoen", lines[0], StringComparison.Ordinal);
        Assert.Contains("sociaal domein", lines[1], StringComparison.Ordinal);
        Assert.Contains("1 juli 2025", kort.TextContent, StringComparison.Ordinal);
        Assert.NotNull(kort.QuerySelector("a[href='/perspectiefnota-2026-2029/bron/persbericht']"));
    }

    [Fact]
    public async Task PublicationPage_ShowsTheSavingsAndTheSociaalDomeinShare()
    {
        var (_, document) = await Get(Nota);

        Assert.Equal("€\u00A030\u00A0miljoen", Value(document, "besparing-totaal"));
        Assert.Equal("2/3", Value(document, "aandeel-sociaal-domein"));
        Assert.Equal("€\u00A020\u00A0miljoen", Value(document, "besparing-sociaal-domein"));
        Assert.Equal("€\u00A010\u00A0miljoen", Value(document, "besparing-overig"));
        Assert.Contains("Berekend €\u00A030\u00A0miljoen × 2/3", Card(document, "besparing-sociaal-domein").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_ShowsJobGrowthSince2018_WordedAsTheSourceAllows()
    {
        var (_, document) = await Get(Nota);

        Assert.Equal("49.000", Value(document, "banen-2024"));
        Assert.Equal("ruim 6.750", Value(document, "banen-groei"));
        Assert.Equal("minder dan 42.250", Value(document, "banen-2018"));
        Assert.Equal("40%", Value(document, "aandeel-hightech"));
        Assert.Equal("ruim 2.700", Value(document, "banen-hightech"));
        Assert.Equal("ruim 4.050", Value(document, "banen-groei-overig"));
    }

    [Theory]
    [InlineData("besparing-totaal", false)]
    [InlineData("banen-2024", false)]
    [InlineData("besparing-sociaal-domein", true)]
    [InlineData("besparing-overig", true)]
    [InlineData("banen-2018", true)]
    [InlineData("banen-hightech", true)]
    public async Task PublicationPage_MarksDerivedFiguresQuietlyAndNumbersTheSourceOfOthers(string id, bool derived)
    {
        var (_, document) = await Get(Nota);

        var row = Card(document, id);
        Assert.Equal("TR", row.TagName);
        Assert.Equal(derived, row.ClassList.Contains("cijfer--berekend"));
        Assert.Equal(derived ? "Berekend" : null, row.QuerySelector(".label-zelf")?.TextContent);
        if (!derived)
        {
            Assert.Equal("Bron 1", row.QuerySelector(".cijfer__bron a.bron-link")!.TextContent);
        }
    }

    [Fact]
    public async Task PublicationPage_FiguresTableNamesItsSourceByNumber_ListedOnceUnderVoorDePers()
    {
        var (_, document) = await Get(Nota);

        Assert.Null(document.QuerySelector("#cijfers ol.bronnen"));
        var source = document.GetElementById("bron-persbericht")!;
        Assert.Equal("voor-de-pers", source.Closest("section")!.Id);
        Assert.Equal("1", source.GetAttribute("value"));
        Assert.Contains("Persbericht ‘Vertrouwen in de toekomst’, Gemeente Almelo, 28 mei 2025", source.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Persbericht", document.QuerySelector("#cijfers tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublicationPage_HasTheQuoteOnceWithItsSpeaker()
    {
        var (_, document) = await Get(Nota);

        var quote = Assert.Single(document.QuerySelectorAll("figure.citaat"));
        Assert.StartsWith("“We staan voor lastige beslissingen", quote.QuerySelector("blockquote")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Jeffrey Hinnen, wethouder Financiën", quote.QuerySelector("figcaption")!.TextContent);
    }

    [Fact]
    public async Task PublicationPage_ExplainsEachTermOnceWhereItIsFirstUsed()
    {
        var (_, document) = await Get(Nota);

        var term = document.GetElementById("begrip-sociaal-domein")!;
        Assert.Equal("in-het-kort", term.Closest("section")!.Id);
        Assert.NotNull(term.Closest("details"));
        Assert.Single(document.QuerySelectorAll("dfn"), d => d.TextContent == "sociaal domein");
        Assert.Null(document.GetElementById("begrippen"));
        // The laws are explained once, in the law chooser of the section about where the savings fall.
        Assert.Null(document.GetElementById("begrip-wmo"));
        Assert.Equal("waar-bespaard", document.GetElementById("wetten")!.Closest("section")!.Id);
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
        // Where the decision stands is said once, in the status under the h1.
        Assert.DoesNotContain("Deze vergaderingen zijn voorbij", document.GetElementById("vergaderingen")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.GetElementById("status"));
        Assert.Equal(3, document.QuerySelectorAll("li.vergadering").Length);
    }

    [Fact]
    public async Task PublicationPage_HasBothChartsAsFigureWithSummaryCanvasTableAndPictures()
    {
        var (_, document) = await Get(Nota);

        foreach (var id in new[] { "grafiek-verdeling-besparing", "grafiek-groei-banen" })
        {
            var figure = document.GetElementById(id)!;
            Assert.Equal("FIGURE", figure.TagName);
            Assert.False(string.IsNullOrWhiteSpace(figure.QuerySelector(".grafiek__samenvatting")?.TextContent));
            var canvas = figure.QuerySelector("canvas[data-grafiek]")!;
            using var config = JsonDocument.Parse(canvas.GetAttribute("data-grafiek")!);
            // The box is reserved before the chart is drawn, so that drawing it moves nothing.
            Assert.StartsWith("height: ", canvas.ParentElement!.GetAttribute("style"), StringComparison.Ordinal);
            Assert.NotNull(figure.QuerySelector("details table caption"));
            var chart = id["grafiek-".Length..];
            var pictures = figure.QuerySelectorAll(".grafiek__download a").Select(a => a.GetAttribute("href")).ToList();
            Assert.Equal([$"{Nota}/grafiek/{chart}.png", $"{Nota}/grafiek/{chart}.svg"], pictures);
        }
        // A distribution's bars carry their own labels; stacked series need a legend, with stripes for the third.
        Assert.Null(document.QuerySelector("#grafiek-verdeling-besparing ul.legenda"));
        var legend = document.QuerySelectorAll("#grafiek-groei-banen ul.legenda li").ToList();
        Assert.Equal(3, legend.Count);
        Assert.Contains("repeating-linear-gradient", legend[2].QuerySelector(".legenda__kleur")!.GetAttribute("style"), StringComparison.Ordinal);
        Assert.Contains("de as begint bij 35.000", document.QuerySelector("#grafiek-groei-banen .grafiek__as")!.TextContent, StringComparison.Ordinal);
        var split = document.GetElementById("grafiek-verdeling-besparing")!;
        var cells = split.QuerySelectorAll("tbody td").Select(c => c.TextContent).ToList();
        Assert.Equal(["€\u00A020\u00A0miljoen", "66,7%", "€\u00A010\u00A0miljoen", "33,3%"], cells);
        Assert.Contains("€\u00A030\u00A0miljoen", split.QuerySelector("tfoot")!.TextContent, StringComparison.Ordinal);

        // Transposed so that it fits a phone: a row per series, a column per year; totals worded by their bounds.
        var jobs = document.GetElementById("grafiek-groei-banen")!;
        var rows = jobs.QuerySelectorAll("tbody tr, tfoot tr").Select(r => r.QuerySelectorAll("th, td").Select(c => c.TextContent).ToList()).ToList();
        Assert.Equal(["Banen in 2018", "minder dan 42.250", "minder dan 42.250"], rows[0]);
        Assert.Equal(["Groei tot voorjaar 2024: hightech-maakindustrie", "–", "ruim 2.700"], rows[1]);
        Assert.Equal(["Groei tot voorjaar 2024: andere sectoren", "–", "ruim 4.050"], rows[2]);
        Assert.Equal(["Totaal", "minder dan 42.250", "49.000"], rows[3]);
    }

    [Fact]
    public async Task PublicationPage_ChartDataHoldsTheSameNumbersAsTheTable()
    {
        var (_, document) = await Get(Nota);

        var canvas = document.QuerySelector("#grafiek-verdeling-besparing canvas")!;
        using var config = JsonDocument.Parse(canvas.GetAttribute("data-grafiek")!);
        // One bar per part, each in its own style, from 0 to the total.
        var datasets = config.RootElement.GetProperty("datasets").EnumerateArray().ToList();
        Assert.Equal([20_000_000m, null], datasets[0].GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Null ? (decimal?)null : d.GetDecimal()));
        Assert.Equal([null, 10_000_000m], datasets[1].GetProperty("data").EnumerateArray().Select(d => d.ValueKind == JsonValueKind.Null ? (decimal?)null : d.GetDecimal()));
        Assert.Equal(["Sociaal domein: €\u00A020\u00A0miljoen (66,7%)", "Andere taken: €\u00A010\u00A0miljoen (33,3%)"], config.RootElement.GetProperty("bars").EnumerateArray().Select(b => b.GetString()));
        Assert.Equal(0m, config.RootElement.GetProperty("start").GetDecimal());
        Assert.Equal(30_000_000m, config.RootElement.GetProperty("end").GetDecimal());
    }

    [Fact]
    public async Task SourcePage_ShowsThePressReleaseInFullAsHtml()
    {
        var (response, document) = await Get(Nota + "/bron/persbericht");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Persbericht ‘Vertrouwen in de toekomst’", document.QuerySelector("h1")!.TextContent);
        var headings = document.QuerySelectorAll(".bron-tekst h2").Select(h => h.TextContent).ToList();
        Assert.Contains("Weloverwogen keuzes", headings);
        Assert.Contains("Samen vooruit", headings);
        var text = document.QuerySelector(".bron-tekst")!.TextContent;
        Assert.Contains("Sinds 2018 is het aantal banen toegenomen met ruim 6.750 tot 49.000 in het voorjaar van 2024.", text, StringComparison.Ordinal);
        Assert.Contains("De hightech-maakindustrie is een motor van groei", text, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("a[href='/perspectiefnota-2026-2029/bronnen/persbericht-2025-05-28.txt']"));
    }

    [Theory]
    [InlineData("/perspectiefnota-2026-2029/bron/nota")]
    [InlineData("/perspectiefnota-2026-2029/bron/onbekend")]
    [InlineData("/onbekend/bron/persbericht")]
    public async Task SourcePage_WithoutATextCopy_Returns404(string url)
    {
        var (response, _) = await Get(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
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
