using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Web pages as sources (address and the day they were read), the "rest" of a share, and who computed the derived
/// figures: one rule each, on the reference content with one deliberate mistake.
/// </summary>
public sealed class SourceAndComputedFigureTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string WebSource = "\"url\": \"https://almelo2025.perspectiefnota.nl/\",\n      \"geraadpleegd\": \"2025-05-28\"";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private ContentError Single()
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Null(result.Snapshot);
        return Assert.Single(result.Errors);
    }

    private Publication Loaded() => ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

    [Fact]
    public void Source_WebPageWithoutGeraadpleegd_IsAnErrorAtTheSource()
    {
        content.Replace(Publicatie, WebSource, "\"url\": \"https://almelo2025.perspectiefnota.nl/\"");

        Assert.Equal(
            new ContentError(Publicatie, content.LineOf(Publicatie, "\"id\": \"nota\"") - 1, 5, "De webpagina 'nota' heeft geen \"geraadpleegd\". Zet daar de dag waarop u de pagina las (jaar-maand-dag), zodat lezers weten welke versie u bedoelt."),
            Single());
    }

    [Fact]
    public void Source_WithoutAddressOrFile_IsAnErrorAtTheSource()
    {
        content.Replace(Publicatie, WebSource, "\"plaats\": \"Almelo\"");

        Assert.Equal(
            new ContentError(Publicatie, content.LineOf(Publicatie, "\"id\": \"nota\"") - 1, 5, "De bron 'nota' heeft geen adres. Zet bij \"url\" het webadres van de pagina (met \"geraadpleegd\": de dag waarop u die las), of bij \"bestand\" een kopie in deze map."),
            Single());
    }

    [Fact]
    public void Source_GeraadpleegdAfterToday_IsAnErrorAtTheDate()
    {
        var tomorrow = TextFormat.IsoDate(TimeProvider.System.Today().AddDays(1));
        content.Replace(Publicatie, "\"geraadpleegd\": \"2025-05-28\"", $"\"geraadpleegd\": \"{tomorrow}\"");

        Assert.Equal(
            new ContentError(Publicatie, content.LineOf(Publicatie, "\"geraadpleegd\""), 7, $"De datum bij \"geraadpleegd\" ({tomorrow}) ligt na vandaag. Zet daar de dag waarop u de pagina las."),
            Single());
    }

    [Fact]
    public void Source_FileWithoutDatum_IsAnErrorAtTheSource()
    {
        content.Replace(Publicatie, "\"datum\": \"2025-05-28\",\n      \"plaats\": \"Almelo\",\n      \"bestand\"", "\"plaats\": \"Almelo\",\n      \"bestand\"");

        var error = Single();
        Assert.Equal((Publicatie, "De bron 'persbericht' heeft geen \"datum\". Zet bij \"datum\" de datum van het stuk (jaar-maand-dag)."), (error.File, error.Message));
    }

    [Fact]
    public void Source_WebPageWithoutItsOwnDate_LoadsWithTheDayItWasRead()
    {
        content.Replace(Publicatie, "\"datum\": \"2025-05-28\",\n      \"url\"", "\"url\"");

        var source = Loaded().Sources.Single(s => s.Id == "nota");

        Assert.Null(source.Date);
        Assert.Equal(new DateOnly(2025, 5, 28), source.Consulted);
    }

    [Fact]
    public void Figure_WithASourceThatDoesNotExist_IsAnErrorAtItsBron()
    {
        content.Replace(Cijfers, "\"waarde\": 6750,\n      \"benadering\": \"ruim\",\n      \"bron\": \"persbericht\"", "\"waarde\": 6750,\n      \"benadering\": \"ruim\",\n      \"bron\": \"nota-sociaal-domein\"");

        Assert.Equal(
            new ContentError(Cijfers, content.LineOf(Cijfers, "nota-sociaal-domein"), 7, "De bron 'nota-sociaal-domein' bestaat niet. Kies een id uit \"bronnen\" in publicatie.json: persbericht, nota."),
            Single());
    }

    [Fact]
    public void Rest_OfAStatedShare_IsItsComplementWithTheCalculationShown()
    {
        var share = Loaded().FindFigure("aandeel-andere-sectoren")!;

        Assert.Equal(0.6m, share.Value.ToDecimal());
        Assert.Equal("100% − 40% = 60%", TextFormat.Dutch.Calculation(share));
    }

    [Fact]
    public void Rest_OfAnAmount_IsAnError()
    {
        content.Replace(Cijfers, "\"bewerking\": \"rest\", \"van\": [\"aandeel-hightech\"]", "\"bewerking\": \"rest\", \"van\": [\"banen-groei\"]");

        var error = Single();
        Assert.Equal((Cijfers, "Een rest rekent 100% min één aandeel uit: zet bij \"van\" precies één cijfer, en dat moet een aandeel zijn."), (error.File, error.Message));
    }

    [Fact]
    public void Rest_OfTwoFigures_IsASchemaError()
    {
        content.Replace(Cijfers, "\"bewerking\": \"rest\", \"van\": [\"aandeel-hightech\"]", "\"bewerking\": \"rest\", \"van\": [\"aandeel-hightech\", \"aandeel-sociaal-domein\"]");

        var error = Single();
        Assert.Equal((Cijfers, content.LineOf(Cijfers, "\"bewerking\": \"rest\"")), (error.File, error.Line));
    }

    [Fact]
    public void ComputedBy_MissingWhileFiguresAreDerived_IsAnError()
    {
        content.Replace(Publicatie, ",\n  \"berekend-door\": \"deze website\"", string.Empty);

        Assert.Equal(
            new ContentError(Publicatie, 1, 1, "cijfers.json heeft berekende cijfers (\"afgeleid\"), maar publicatie.json zegt niet wie ze uitrekende. Zet bij \"berekend-door\" bijvoorbeeld \"deze website\"; de tabel ‘Alle cijfers’ noemt het."),
            Single());
    }

    [Fact]
    public void FigureTemplate_DerivedFigure_IsMarkedAsComputedAndAStatedOneIsNot()
    {
        var publication = Loaded();

        Assert.Equal("€\u00A030\u00A0miljoen, €\u00A020\u00A0miljoen (berekend)", FigureTemplate.Fill("{cijfer:besparing-totaal}, {cijfer:besparing-sociaal-domein}", publication.FindFigure, TextFormat.Dutch));
    }

    [Fact]
    public void Markdown_DerivedFigure_IsMarkedAsComputedInTheText()
    {
        var html = Loaded().FindSection("in-het-kort")!.Html;
        content.Replace(ContentFixture.Slug + "/tekst.md", "- {cijfer:aandeel-sociaal-domein} daarvan", "- {cijfer:besparing-sociaal-domein} daarvan");

        var marked = Loaded().FindSection("in-het-kort")!.Html;

        Assert.DoesNotContain("(berekend)", html, StringComparison.Ordinal);
        Assert.Contains("miljoen</data> (berekend) daarvan", marked, StringComparison.Ordinal);
    }
}
