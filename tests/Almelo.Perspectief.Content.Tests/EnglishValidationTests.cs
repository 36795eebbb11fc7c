using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// One rule each: a complete English translation of the reference content with one deliberate mistake, and the exact
/// errors an editor gets (file, line, column, message) when the translation and the Dutch content drift apart.
/// </summary>
public sealed class EnglishValidationTests : IDisposable
{
    private const string Text = EnglishFixture.Text;
    private const string Words = EnglishFixture.Words;
    private const string Site = EnglishFixture.Site;
    private const string Hoofdstuk = "(zie de inhoudsgids, hoofdstuk \"Een vertaling in het Engels\")";

    private readonly ContentFixture content = ContentFixture.Reference().WithEnglish();

    private void AssertErrors(params ContentError[] expected)
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Null(result.Snapshot);
        Assert.Equal(expected, result.Errors);
    }

    private ContentError At(string file, string text, int column, string message, int occurrence = 1) =>
        new(file, content.LineOf(file, text, occurrence), column, message);

    [Fact]
    public void Translation_Complete_Loads()
    {
        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }

    [Fact]
    public void FigureKey_NotADutchId_IsAnErrorAtTheKey()
    {
        content.Replace(Words, "\"cijfers\": {\n", "\"cijfers\": {\n    \"besparing-totaa\": \"Savings\",\n");

        AssertErrors(At(Words, "\"besparing-totaa\"", 5, "'besparing-totaa' is geen id uit cijfers.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."));
    }

    [Fact]
    public void MeetingKey_NotADutchId_IsAnErrorAtTheKey()
    {
        content.Replace(Words, "\"vergaderingen\": {\n", "\"vergaderingen\": {\n    \"raad-2025\": { \"onderwerp\": \"x\" },\n");

        AssertErrors(At(Words, "raad-2025", 5, "'raad-2025' is geen id uit vergaderingen.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."));
    }

    [Fact]
    public void FigureLabel_Missing_NamesTheFigureAndTheFile()
    {
        content.Replace(Words, "    \"banen-2018\": \"EN Banen in 2018\",\n", string.Empty);

        AssertErrors(At(Words, "\"cijfers\": {", 3, "Het cijfer 'banen-2018' heeft geen Engelse naam. Zet bij \"cijfers\" in vertaling.en.json: \"banen-2018\": \"…\" (de naam van het cijfer in het Engels)."));
    }

    [Fact]
    public void FigurePlaceholder_InTheEnglishText_UnknownIsAnErrorAtItsPlace()
    {
        content.Replace(Text, "{cijfer:banen-groei}", "{cijfer:banen-groe}");
        var line = File.ReadAllLines(content.PathOf(Text))[2];

        AssertErrors(new ContentError(Text, 3, line.IndexOf("{cijfer:banen-groe}", StringComparison.Ordinal) + 1, "Het cijfer 'banen-groe' bestaat niet in cijfers.json. Controleer de spelling van {cijfer:banen-groe}."));
    }

    [Fact]
    public void FigurePlaceholder_InAChartTitle_UnknownIsAnErrorAtTheTitle()
    {
        content.Replace(Words, "\"EN Waar Almelo {cijfer:besparing-totaal} bespaart\"", "\"Where Almelo saves {cijfer:besparing}\"");

        AssertErrors(At(Words, "Where Almelo saves", 7, "Het cijfer 'besparing' in {cijfer:besparing} bestaat niet in cijfers.json."));
    }

    [Fact]
    public void StatusPlaceholder_InTheEnglishText_UnknownIsAnErrorAtItsPlace()
    {
        content.Replace(Text, "EN text of this section.", "{status:kort}");

        AssertErrors(new ContentError(Text, 7, 1, "{status:kort} kan de site niet invullen: publicatie.json heeft bij \"status\" geen \"zinnen\". Zet de zin daar, met een tekst voor elke stap van het besluit (zie de inhoudsgids, hoofdstuk \"Een vergadering toevoegen\")."));
    }

    [Fact]
    public void StatusSentence_UnknownPlaceholder_IsAnErrorAtTheSentence()
    {
        content.Replace(Words, "op {bespreken} en beslist", "on {datum} en beslist");

        AssertErrors(At(Words, "\"komend\"", 5, "{datum} kan de site niet invullen. Gebruik alleen: {bespreken}, {beslissen}, {vergaderd}, {komend}, {besluitdatum}, {uitkomst}."));
    }

    [Fact]
    public void Section_WithAnIdThatIsNotDutch_IsAnErrorAndTheDutchOneIsMissing()
    {
        content.Replace(Text, "{#banen}", "{#jobs}");

        AssertErrors(
            new ContentError(Text, 21, 1, "Het onderdeel 'jobs' staat niet in tekst.md. Ids worden niet vertaald: gebruik de id van een kop daar (in-het-kort, besparing, waar-bespaard, voor-u, vergaderingen, banen, cijfers)."),
            new ContentError(Text, 25, 1, "Het onderdeel 'banen' (Hoe gaat het met de banen?) uit tekst.md ontbreekt. Zet vóór deze kop een kop ## … {#banen} met de Engelse tekst van dat onderdeel."));
    }

    [Fact]
    public void Section_Missing_IsAnErrorWhereItBelongs()
    {
        content.Replace(Text, "## EN Hoe gaat het met de banen? {#banen}\n\nEN text of this section.\n\n", string.Empty);

        AssertErrors(new ContentError(Text, 21, 1, "Het onderdeel 'banen' (Hoe gaat het met de banen?) uit tekst.md ontbreekt. Zet vóór deze kop een kop ## … {#banen} met de Engelse tekst van dat onderdeel."));
    }

    [Fact]
    public void Sections_InAnotherOrder_IsAnErrorAtTheFirstMisplacedOne()
    {
        content.Replace(Text, "## EN Hoe gaat het met de banen? {#banen}\n\nEN text of this section.\n\n", string.Empty);
        content.Write(Text, File.ReadAllText(content.PathOf(Text)) + "## Jobs {#banen}\n\nEN text.\n");

        AssertErrors(new ContentError(Text, 21, 1, "Het onderdeel 'cijfers' staat op een andere plek dan in tekst.md. Zet de onderdelen in dezelfde volgorde als daar: in-het-kort, besparing, waar-bespaard, voor-u, vergaderingen, banen, cijfers."));
    }

    [Fact]
    public void Text_WithoutWords_IsAnError()
    {
        File.Delete(content.PathOf(Words));

        AssertErrors(new ContentError(Text, 1, 1, $"Er staat wel een tekst.en.md, maar geen vertaling.en.json. Een vertaling heeft ze allebei nodig: zet vertaling.en.json erbij, of haal tekst.en.md weg {Hoofdstuk}."));
    }

    [Fact]
    public void Words_WithoutText_IsAnError()
    {
        File.Delete(content.PathOf(Text));

        AssertErrors(new ContentError(Words, 1, 1, $"Er staat wel een vertaling.en.json, maar geen tekst.en.md. Een vertaling heeft ze allebei nodig: zet tekst.en.md erbij, of haal vertaling.en.json weg {Hoofdstuk}."));
    }

    [Fact]
    public void Changes_AnotherNumber_IsAnErrorAtTheList()
    {
        content.Replace(Words, "\"EN Eerste versie: de tekst en de cijfers van het persbericht van 28 mei 2025.\"", "\"First version.\", \"Second.\"");

        AssertErrors(At(Words, "\"wijzigingen\"", 3, "Hier staan 2 Engelse teksten, maar \"wijzigingen\" in publicatie.json heeft er 1. Zet bij elke wijziging precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void Links_Missing_IsAnErrorAtTheFile()
    {
        content.Replace(Words, "  \"links\": [\n    \"EN De volledige Perspectiefnota 2026-2029\"\n  ],\n", string.Empty);

        AssertErrors(new ContentError(Words, 1, 1, "Hier staan 0 Engelse teksten, maar \"links\" in publicatie.json heeft er 1. Zet bij elke link precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void Timeline_AStepLess_IsAnErrorAtTheList()
    {
        content.Replace(Words, ",\n    {\n      \"titel\": \"EN De gemeenteraad beslist\",\n      \"uitleg\": \"EN In de besluitvormende vergaderingen stemt de gemeenteraad over de Perspectiefnota. Daarna voert het college de besluiten uit.\"\n    }", string.Empty);

        AssertErrors(At(Words, "\"tijdlijn\"", 3, "Hier staan 3 Engelse teksten, maar \"tijdlijn\" in publicatie.json heeft er 4. Zet bij elke stap precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void TimelinePeriod_MissingWhereDutchHasOne_IsAnErrorAtTheStep()
    {
        content.Replace(Words, "\"periode\": \"EN eind 2024\",\n      ", string.Empty);

        AssertErrors(new ContentError(Words, content.LineOf(Words, "\"tijdlijn\"") + 1, 5, "Stap 1 van de tijdlijn heeft in publicatie.json een \"periode\" ('eind 2024'). Zet hier ook \"periode\", in het Engels."));
    }

    [Fact]
    public void TimelinePeriod_WhereDutchHasADate_IsAnErrorAtThePeriod()
    {
        content.Replace(Words, "\"titel\": \"EN Het college presenteert", "\"periode\": \"May 2025\",\n      \"titel\": \"EN Het college presenteert");

        AssertErrors(At(Words, "May 2025", 7, "Stap 2 van de tijdlijn heeft in publicatie.json geen \"periode\" maar een datum of vergaderingen; die schrijft de site zelf in het Engels. Haal \"periode\" hier weg."));
    }

    [Fact]
    public void ChartParts_AnotherNumber_IsAnErrorAtTheParts()
    {
        content.Replace(Words, "\"EN Sociaal domein\",\n        \"EN Andere taken\"", "\"Social domain\"");

        AssertErrors(At(Words, "\"delen\"", 7, "Hier staat 1 Engelse tekst, maar \"delen\" van de grafiek in cijfers.json heeft er 2. Zet bij elk deel precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void ChartSeries_AnotherNumber_IsAnErrorAtTheSeries()
    {
        content.Replace(Words, ",\n        \"EN Groei tot voorjaar 2024: andere sectoren\"", string.Empty);

        AssertErrors(At(Words, "\"reeksen\"", 7, "Hier staan 2 Engelse teksten, maar \"reeksen\" van de grafiek in cijfers.json heeft er 3. Zet bij elke reeks precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void Chart_UnderAnotherId_IsAnErrorAtTheKeyAndTheChartIsMissing()
    {
        content.Replace(Words, "\"groei-banen\": {", "\"banen-grafiek\": {");

        AssertErrors(
            At(Words, "\"banen-grafiek\"", 5, "'banen-grafiek' is geen id uit \"grafieken\" in cijfers.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."),
            At(Words, "\"grafieken\": {", 3, "De grafiek 'groei-banen' heeft geen Engelse tekst. Zet bij \"grafieken\" in vertaling.en.json een blok \"groei-banen\" met \"titel\", \"samenvatting\" en \"categorieen\" en \"reeksen\", in het Engels."));
    }

    [Fact]
    public void Law_WithoutExplanation_NamesTheLaw()
    {
        content.Replace(Words, "\"wmo\": {", "\"wmo-oud\": {");

        AssertErrors(
            At(Words, "\"wmo-oud\"", 5, "'wmo-oud' is geen id uit \"wetten\" in publicatie.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."),
            At(Words, "\"wetten\": {", 3, "De wet 'wmo' heeft geen Engelse uitleg. Zet bij \"wetten\" in vertaling.en.json: \"wmo\": { \"uitleg\": \"…\" }. De naam van de wet blijft Nederlands."));
    }

    [Fact]
    public void Term_Missing_NamesTheTerm()
    {
        content.Replace(Words, "    \"gemeenteraad\": {\n      \"term\": \"EN gemeenteraad\",", "    \"raad\": {\n      \"term\": \"EN gemeenteraad\",");

        AssertErrors(
            At(Words, "\"raad\": {", 5, "'raad' is geen id uit begrippen.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."),
            At(Words, "\"begrippen\": {", 3, "Het begrip 'gemeenteraad' heeft geen Engelse tekst. Zet bij \"begrippen\" in vertaling.en.json een blok \"gemeenteraad\" met \"term\" en \"uitleg\" in het Engels (en \"vormen\" als de tekst het woord ook anders schrijft)."));
    }

    [Fact]
    public void Term_AWordOfTwoTerms_IsAnError()
    {
        content.Replace(Words, "\"term\": \"EN structureel\"", "\"term\": \"EN gemeenteraad\"");

        AssertErrors(At(Words, "\"gemeenteraad\": {", 5, "Het woord 'EN gemeenteraad' hoort al bij het begrip 'structureel'. Een woord kan maar naar één uitleg linken."));
    }

    [Fact]
    public void Meeting_WithoutSubject_NamesTheMeeting()
    {
        content.Replace(Words, ",\n    \"besluitvorming-2025-07-10\": {\n      \"onderwerp\": \"EN De gemeenteraad neemt een besluit over de Perspectiefnota 2026-2029\"\n    }", string.Empty);

        AssertErrors(At(Words, "\"vergaderingen\": {", 3, "De vergadering 'besluitvorming-2025-07-10' heeft geen Engels onderwerp. Zet bij \"vergaderingen\" in vertaling.en.json: \"besluitvorming-2025-07-10\": { \"onderwerp\": \"…\" }."));
    }

    [Fact]
    public void MeetingSpeaking_WhereDutchHasNone_IsAnErrorAtTheField()
    {
        content.Replace(Words, "\"onderwerp\": \"EN De gemeenteraad bespreekt de Perspectiefnota 2026-2029\"", "\"onderwerp\": \"EN De gemeenteraad bespreekt de Perspectiefnota 2026-2029\",\n      \"inspreken\": \"Sign up.\"");

        AssertErrors(At(Words, "Sign up.", 7, "In vergaderingen.json heeft deze vergadering geen \"inspreken\". Haal \"inspreken\" hier weg, of zet het eerst in vergaderingen.json."));
    }

    [Fact]
    public void Quote_Missing_IsAnErrorAtTheFile()
    {
        content.Replace(Words, "  \"citaat\": {\n    \"tekst\":", "  \"citaten\": {\n    \"tekst\":");

        Assert.Contains(ContentLoader.Load(content.Root).Errors, e => e.Message == "Het veld 'citaten' bestaat hier niet. Controleer de spelling of haal het weg.");
    }

    [Fact]
    public void ComputedBy_Missing_IsAnError()
    {
        content.Replace(Words, "  \"berekend-door\": \"EN deze website\",\n", string.Empty);

        AssertErrors(new ContentError(Words, 1, 1, "publicatie.json zegt bij \"berekend-door\" wie de berekende cijfers uitrekende, maar vertaling.en.json niet. Zet \"berekend-door\" erbij, in het Engels (bijvoorbeeld \"this website\")."));
    }

    [Fact]
    public void Status_Missing_IsAnError()
    {
        var start = File.ReadAllText(content.PathOf(Words)).IndexOf("  \"status\": {", StringComparison.Ordinal);
        var text = File.ReadAllText(content.PathOf(Words));
        content.Write(Words, string.Concat(text.AsSpan(0, start), text.AsSpan(text.IndexOf("  \"links\"", StringComparison.Ordinal))));

        AssertErrors(new ContentError(Words, 1, 1, "publicatie.json heeft zinnen bij \"status\", maar vertaling.en.json niet. Zet bij \"status\" dezelfde zinnen in het Engels, met dezelfde plekken tussen { }, zoals {bespreken}."));
    }

    [Fact]
    public void Text_LineTooLong_HasTheDutchLimit()
    {
        content.Replace(Text, "EN text of this section.", new string('a', ContentLimits.MaxLineLength + 1));

        AssertErrors(new ContentError(Text, 7, 1, "Deze regel is te lang (10.001 tekens). Een regel mag hoogstens 10.000 tekens hebben: begin een nieuwe alinea met een lege regel."));
    }

    [Fact]
    public void Words_TextTooLong_HasTheDutchLimit()
    {
        content.Replace(Words, "\"EN Banen in 2018\"", $"\"{new string('a', ContentLimits.MaxJsonTextLength + 1)}\"");

        AssertErrors(At(Words, "\"banen-2018\"", 5, "Deze tekst is te lang (5.001 tekens). Een tekst mag hoogstens 5.000 tekens hebben; lange tekst hoort in tekst.md."));
    }

    [Fact]
    public void SiteTranslation_Missing_IsAnError()
    {
        File.Delete(content.PathOf(Site));

        AssertErrors(new ContentError(Site, 1, 1, $"Er is een Engelse versie van een publicatie, maar site.en.json ontbreekt. Zet de Engelse tekst van site.json (bij \"contact\" en \"raad\") in site.en.json {Hoofdstuk}."));
    }

    [Fact]
    public void SiteTranslation_ContactAnotherNumber_IsAnErrorAtTheList()
    {
        content.Replace(Site, ",\n    {\n      \"tekst\": \"EN Vragen over de gemeenteraad, of zelf inspreken:\"\n    }", string.Empty);

        AssertErrors(At(Site, "\"contact\"", 3, "Hier staat 1 Engelse tekst, maar \"contact\" in site.json heeft er 2. Zet bij elke regel bij \"contact\" precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void SiteTranslation_TakingPartAnotherNumber_IsAnErrorAtTheList()
    {
        content.Replace(Site, ",\n      \"EN Hoe laat u kunt inspreken, staat niet overal hetzelfde. Kijk daarvoor op de pagina van de gemeenteraad.\"", string.Empty);

        AssertErrors(At(Site, "\"meedoen\"", 5, "Hier staan 2 Engelse teksten, maar \"meedoen\" in site.json heeft er 3. Zet bij elke zin bij \"meedoen\" precies één Engelse tekst, in dezelfde volgorde."));
    }

    [Fact]
    public void SiteTranslation_LinkTextMissing_IsAnErrorAtTheItem()
    {
        content.Replace(Site, ",\n      \"linktekst\": \"EN almelo.nl\"", string.Empty);

        AssertErrors(new ContentError(Site, content.LineOf(Site, "\"contact\"") + 1, 5, "Regel 1 bij \"contact\" heeft in site.json een \"linktekst\" ('almelo.nl'). Zet hier ook \"linktekst\", in het Engels."));
    }

    [Fact]
    public void SiteTranslation_SourceKeyNotInSiteJson_IsAnErrorAtTheKey()
    {
        content.Replace(Site, "\"uw-invloed\": {", "\"invloed\": {");

        AssertErrors(At(Site, "\"invloed\"", 5, "'invloed' is geen id uit \"bronnen\" in site.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."));
    }

    [Fact]
    public void Folder_NamedEn_IsReserved()
    {
        content.Write("en/publicatie.json", "{}");

        Assert.Contains(new ContentError("en/", 1, 1, "De mapnaam 'en' gebruikt de site zelf al voor een eigen pagina (/en). Kies een andere naam, bijvoorbeeld met het jaar erbij."), ContentLoader.Load(content.Root).Errors);
    }

    private static readonly string[] EnglishFiles = [Text, Words, Site];

    /// <summary>Whatever one edit does to one English file, loading answers in time, with a snapshot or located errors, and never throws.</summary>
    [Property(MaxTest = 40, QuietOnSuccess = true)]
    public Property Load_AnyEditOfAnEnglishFile_AnswersInTimeAndNeverThrows() =>
        Prop.ForAll(LoaderPropertyTests.Mutations(EnglishFiles).ToArbitrary(), mutation =>
        {
            var path = content.PathOf(mutation.File);
            var original = File.ReadAllBytes(path);
            try
            {
                File.WriteAllBytes(path, LoaderPropertyTests.Apply(original, mutation));
                var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);
                Assert.True(elapsed < HostileContentTests.TimeBound, $"took {elapsed}");
                Assert.True(result.Snapshot is not null || result.Errors.Count > 0);
                Assert.All(result.Errors, e => Assert.DoesNotContain(content.Root, e.ToString(), StringComparison.Ordinal));
                Assert.DoesNotContain(result.Errors, e => e.Message.StartsWith("Dit bestand kon niet worden verwerkt", StringComparison.Ordinal));
                return true;
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        });

    public void Dispose() => content.Dispose();
}
