using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Every field either shows on the page or is refused: a change dated after today is an error; content the page
/// would not show (an unused term, a chart, the laws or the meetings in no section, status and links without
/// meetings) is a located warning.
/// </summary>
public sealed class ShownOrRefusedTests : IDisposable
{
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Begrippen = ContentFixture.Slug + "/begrippen.json";
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private static FixedTime On(int year, int month, int day) =>
        new FixedTime(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(2)));

    private IReadOnlyList<ContentWarning> Warnings()
    {
        var result = ContentLoader.Load(content.Root);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return UnshownContent.In(result.Snapshot!);
    }

    private ContentWarning SingleWarning() => Assert.Single(Warnings());

    [Fact]
    public void Load_ChangeDatedAfterToday_IsAnErrorAtItsDate()
    {
        // Dates of editing are checked against the real date, whatever day the loader's clock is set to.
        var today = TimeProvider.System.Today();
        var tomorrow = TextFormat.IsoDate(today.AddDays(1));
        content.Replace(Publicatie, "{ \"datum\": \"2025-05-28\", \"wat\"", $"{{ \"datum\": \"{tomorrow}\", \"wat\"");

        var result = ContentLoader.Load(content.Root, On(2025, 7, 1));

        Assert.Null(result.Snapshot);
        Assert.Equal(
            new ContentError(Publicatie, content.LineOf(Publicatie, $"\"{tomorrow}\", \"wat\""), 7, $"De wijziging op {tomorrow} ligt na vandaag ({TextFormat.IsoDate(today)}). Boven de pagina zou dan nu al 'Bijgewerkt {TextFormat.Dutch.Date(today.AddDays(1))}' staan. Zet de datum waarop u de wijziging maakt."),
            Assert.Single(result.Errors));
    }

    [Fact]
    public void Load_ChangeDatedToday_IsValid()
    {
        var today = TextFormat.IsoDate(TimeProvider.System.Today());
        content.Replace(Publicatie, "{ \"datum\": \"2025-05-28\", \"wat\"", $"{{ \"datum\": \"{today}\", \"wat\"");

        Assert.True(ContentLoader.Load(content.Root, On(2025, 7, 1)).IsValid);
    }

    [Fact]
    public void UnshownContent_ReferenceAndShippedContent_HaveNoWarnings()
    {
        Assert.Empty(Warnings());
        Assert.Empty(UnshownContent.In(ContentLoader.Load(ContentFixture.LiveContent).Snapshot!));
    }

    [Fact]
    public void UnshownContent_TermTheTextNeverUses_WarnsAtTheTerm()
    {
        content.Replace(Begrippen, "\"begrippen\": [", "\"begrippen\": [\n    { \"id\": \"motie\", \"term\": \"motie\", \"uitleg\": \"Een voorstel van een raadslid.\" },");

        Assert.Equal(
            new ContentWarning(new ContentLocation(Begrippen, content.LineOf(Begrippen, "\"motie\""), 22), "Het begrip 'motie' komt niet voor in tekst.md, dus geen woord op de pagina linkt naar de uitleg; die staat nu los onder het laatste onderdeel. Gebruik het woord in de tekst, zet de vorm die de tekst gebruikt bij \"vormen\", of haal het begrip weg."),
            SingleWarning());
    }

    [Fact]
    public void UnshownContent_ChartInNoSection_WarnsAtTheChart()
    {
        content.Replace(Publicatie, "\"banen\": { \"grafieken\": [\"groei-banen\"] }", "\"banen\": { }");

        Assert.Equal(
            new ContentWarning(new ContentLocation(Cijfers, content.LineOf(Cijfers, "\"id\": \"groei-banen\"") - 1, 5), "De grafiek 'groei-banen' staat bij geen enkel onderdeel, dus de pagina toont hem nergens. Zet 'groei-banen' bij \"grafieken\" van een onderdeel in publicatie.json, of haal de grafiek weg."),
            SingleWarning());
    }

    [Fact]
    public void UnshownContent_LawsInNoSection_WarnsAtTheLaws()
    {
        content.Replace(Publicatie, "\"grafieken\": [\"verdeling-besparing\"], \"wetten\": true", "\"grafieken\": [\"verdeling-besparing\"]");

        Assert.Equal(
            new ContentWarning(new ContentLocation(Publicatie, content.LineOf(Publicatie, "\"wetten\": ["), 3), "De wetten staan bij geen enkel onderdeel, dus de pagina toont ze nergens. Zet \"wetten\": true bij het onderdeel waar ze horen (in \"secties\"), of haal \"wetten\" weg."),
            SingleWarning());
    }

    [Fact]
    public void UnshownContent_MeetingsInNoSection_WarnsAtTheMeetings()
    {
        content.Replace(Publicatie, "\"vergaderingen\": { \"vergaderingen\": true, \"tijdlijn\": true }", "\"vergaderingen\": { \"tijdlijn\": true }");

        Assert.Equal(
            new ContentWarning(new ContentLocation(Vergaderingen, content.LineOf(Vergaderingen, "\"vergaderingen\": ["), 3), "De vergaderingen staan bij geen enkel onderdeel: de pagina zegt wel hoe ver het besluit is, maar toont de vergaderingen zelf niet (tijd, plaats, agenda, inspreken). Zet \"vergaderingen\": true bij een onderdeel in publicatie.json."),
            SingleWarning());
    }

    [Fact]
    public void UnshownContent_StatusAndLinksWithoutMeetings_WarnAtEach()
    {
        using var extra = ContentFixture.FromFixture("kort-nieuws");
        Directory.Move(extra.Root, content.PathOf("kort-nieuws"));
        const string Kort = "kort-nieuws/publicatie.json";
        content.Replace(Kort, "\"secties\": {}", """
            "secties": {},
              "status": { "komend": "a", "bezig": "b", "zonder-uitkomst": "c", "besloten": "d", "besloten-bezig": "e" },
              "links": [{ "soort": "nota", "titel": "Het bericht", "url": "https://www.almelo.nl/", "bron": "bericht" }]
            """);

        Assert.Equal(
            [
                new ContentWarning(new ContentLocation(Kort, content.LineOf(Kort, "\"status\""), 3), "Deze publicatie heeft geen vergaderingen, dus de pagina toont \"status\" niet: die zinnen gaan over de vergaderingen. Zet de vergaderingen in vergaderingen.json, of haal \"status\" weg."),
                new ContentWarning(new ContentLocation(Kort, content.LineOf(Kort, "\"links\""), 3), "Deze publicatie heeft geen vergaderingen, dus de pagina toont \"links\" niet: ze staan in het blok over het besluit, en dat blok hoort bij de vergaderingen. Zet de vergaderingen in vergaderingen.json, of zet de links als bron bij \"bronnen\"."),
            ],
            Warnings());
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
