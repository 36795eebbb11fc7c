using System.Text;
using System.Text.Json;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using CsvHelper;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// What the nota's chapter 5.2 adds to the shipped page (the € 9,5 miljoen from cijfers.json, its web source with the
/// day it was read), where Almelo keeps investing, and computed figures marked as computed in sentences and downloads.
/// </summary>
public sealed class NotaAnswersTests
{
    private const string Nota = "/perspectiefnota-2026-2029";
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";

    private static async Task<AngleSharp.Html.Dom.IHtmlDocument> Page(ContentFixture content)
    {
        using var factory = new PerspectiefFactory(content.Root);
        return await factory.CreateClient().Html(Nota);
    }

    [Fact]
    public async Task VoorU_ShowsTheNotaFigureFromCijfersJson_AndFollowsAChange()
    {
        using var shipped = ContentFixture.Live();
        using var changed = ContentFixture.Live().Replace(Cijfers, "\"waarde\": 9500000", "\"waarde\": 9600000");

        var before = (await Page(shipped)).GetElementById("voor-u")!.TextContent;
        var after = (await Page(changed)).GetElementById("voor-u")!.TextContent;

        Assert.Contains("oplopend tot €\u00A09,5\u00A0miljoen in 2029", before, StringComparison.Ordinal);
        Assert.Contains("oplopend tot €\u00A09,6\u00A0miljoen in 2029", after, StringComparison.Ordinal);
        Assert.DoesNotContain("9,5", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceList_WebPageWithoutItsOwnDate_SaysSoAndWhenItWasRead()
    {
        using var shipped = ContentFixture.Live();

        var document = await Page(shipped);

        var cited = document.GetElementById("bron-nota-sociaal-domein")!.TextContent;
        Assert.Contains("Perspectiefnota 2026-2029, hoofdstuk 5.2 Sociaal domein, Gemeente Almelo, geraadpleegd op 4 december 2026.", cited, StringComparison.Ordinal);
        var link = document.QuerySelector("#bron-nota-sociaal-domein a")!;
        Assert.Equal("https://almelo2025.perspectiefnota.nl/p23838/sociaal-domein", link.GetAttribute("href"));
    }

    [Fact]
    public async Task OldIdWoningbouw_LeadsToWhereAlmeloKeepsInvesting()
    {
        using var shipped = ContentFixture.Live();

        var document = await Page(shipped);

        var old = document.GetElementById("woningbouw")!;
        Assert.Equal("banen", old.Closest("section")!.Id);
        Assert.StartsWith("Waar blijft Almelo in investeren?", document.GetElementById(Anchors.Heading("banen"))!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("gezonde en leefbare wijken", document.GetElementById("banen")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChartSummary_ComputedFigures_AreMarkedBerekendAndStatedOnesAreNot()
    {
        using var reference = ContentFixture.Reference();

        var summary = (await Page(reference)).QuerySelector("#grafiek-verdeling-besparing .grafiek__samenvatting")!.TextContent;

        Assert.Equal("Van de €\u00A030\u00A0miljoen komt €\u00A020\u00A0miljoen (berekend) uit het sociaal domein. De andere €\u00A010\u00A0miljoen (berekend) komt uit andere taken van de gemeente.", summary);
    }

    [Fact]
    public async Task Downloads_OtherSectors_CarryTheCalculationItsBoundComesFrom()
    {
        using var reference = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(reference.Root);
        var client = factory.CreateClient();

        var bytes = await client.GetByteArrayAsync(new Uri(Nota + "/cijfers.csv", UriKind.Relative));
        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = true });
        var calculations = new Dictionary<string, string>();
        while (csv.Read())
        {
            calculations[csv.GetString("id")] = csv.GetString("berekening");
        }
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri(Nota + "/cijfers.json", UriKind.Relative)));
        var figure = json.RootElement.GetProperty("cijfers").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "banen-groei-overig");

        Assert.Equal("ruim 6.750 × 60% = ruim 4.050", calculations["banen-groei-overig"]);
        Assert.Equal("100% − 40% = 60%", calculations["aandeel-andere-sectoren"]);
        Assert.Equal("ruim 6.750 × 60% = ruim 4.050", figure.GetProperty("berekening").GetProperty("uitleg").GetString());
        Assert.Equal(["banen-groei", "aandeel-andere-sectoren"], figure.GetProperty("berekening").GetProperty("van").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
    }

    [Fact]
    public async Task FigureTable_NamesWhoComputedFromContent()
    {
        using var content = ContentFixture.Reference().Replace(ContentFixture.Slug + "/publicatie.json", "\"berekend-door\": \"deze website\"", "\"berekend-door\": \"de afdeling Communicatie van de gemeente Almelo\"");

        var note = (await Page(content)).QuerySelector(".cijferlijst__uitleg")!.TextContent;

        Assert.Equal("‘Berekend’: uitgerekend door de afdeling Communicatie van de gemeente Almelo.", note);
    }
}
