using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// One rule each: the reference content with one deliberate mistake, and the exact error an editor gets
/// (file relative to the content folder, line, column, message).
/// </summary>
public sealed class ValidationTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";
    private const string Tekst = ContentFixture.Slug + "/tekst.md";

    private readonly ContentFixture content = ContentFixture.Reference();

    private ContentError Single()
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Null(result.Snapshot);
        return Assert.Single(result.Errors);
    }

    private void AssertSingle(string file, int line, int column, string message) =>
        Assert.Equal(new ContentError(file, line, column, message), Single());

    private void AssertSingle(string file, int line, string message)
    {
        var error = Single();
        Assert.Equal((file, line, message), (error.File, error.Line, error.Message));
    }

    [Fact]
    public void Json_MissingComma_NamesTheSpotWhereTheParserStopped()
    {
        content.Replace(Cijfers, "\"eenheid\": \"euro\",\n      \"waarde\": 30000000,", "\"eenheid\": \"euro\"\n      \"waarde\": 30000000,");

        AssertSingle(Cijfers, 8, 7, "Dit is geen geldige JSON. Kijk vlak voor deze plek of er een komma, aanhalingsteken of haakje ontbreekt of te veel is.");
    }

    [Fact]
    public void Licence_Declared_IsRead_AndTheShippedContentDeclaresNone()
    {
        Assert.Null(ContentLoader.Load(content.Root).Snapshot!.Publications.Single().License);
        content.Replace(Publicatie, "\"uitgever\": \"Gemeente Almelo\",\n  \"bronnen\"", "\"uitgever\": \"Gemeente Almelo\",\n  \"licentie\": { \"naam\": \"CC0 1.0\", \"url\": \"https://creativecommons.org/publicdomain/zero/1.0/\" },\n  \"bronnen\"");

        var license = ContentLoader.Load(content.Root).Snapshot!.Publications.Single().License;

        Assert.Equal(new License("CC0 1.0", new Uri("https://creativecommons.org/publicdomain/zero/1.0/")), license);
    }

    [Fact]
    public void Licence_UrlThatIsNoAddress_SaysWhatToWrite()
    {
        content.Replace(Publicatie, "\"uitgever\": \"Gemeente Almelo\",\n  \"bronnen\"", "\"uitgever\": \"Gemeente Almelo\",\n  \"licentie\": { \"naam\": \"CC0 1.0\", \"url\": \"https://creative commons\" },\n  \"bronnen\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "licentie"), "'https://creative commons' is geen geldig webadres. Schrijf het volledige adres van de licentie, bijvoorbeeld https://creativecommons.org/publicdomain/zero/1.0/.");
    }

    [Fact]
    public void Schema_UnknownField_IsAnErrorNotIgnored()
    {
        content.Replace(Cijfers, "\"bron\": \"persbericht\"", "\"bronn\": \"persbericht\"");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"bronn\""), 7, "Het veld 'bronn' bestaat hier niet. Controleer de spelling of haal het weg.");
    }

    [Fact]
    public void Schema_MissingRequiredField_NamesTheFieldAndWhere()
    {
        content.Replace(Cijfers, "\"label\": \"Structurele besparing\",\n", string.Empty);

        AssertSingle(Cijfers, 4, 5, "Het veld 'label' ontbreekt in 'cijfers nummer 1'. Voeg het toe.");
    }

    [Fact]
    public void Schema_NumberWrittenAsText_SaysToDropTheQuotes()
    {
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": \"49.000\"");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"49.000\""), 7, "'waarde' moet een getal zonder aanhalingstekens (bijvoorbeeld 12500) zijn.");
    }

    [Fact]
    public void Schema_UnknownUnit_ListsTheUnitsThatExist()
    {
        content.Replace(Cijfers, "\"eenheid\": \"euro\"", "\"eenheid\": \"euros\"");

        AssertSingle(Cijfers, 7, 7, "'eenheid' moet een van deze waarden zijn: euro, banen, aandeel.");
    }

    [Fact]
    public void Schema_DateNotYearMonthDay_ShowsTheFormat()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-01\"", "\"datum\": \"1-7-2025\"");

        AssertSingle(Vergaderingen, 6, 7, "'datum' moet een datum zijn in de vorm jaar-maand-dag, bijvoorbeeld 2025-07-01.");
    }

    [Fact]
    public void Date_ThatDoesNotExist_IsAnError()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-10\"", "\"datum\": \"2025-06-31\"");

        AssertSingle(Vergaderingen, content.LineOf(Vergaderingen, "2025-06-31"), 7, "'2025-06-31' is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld 2025-07-01.");
    }

    [Fact]
    public void Figure_WithoutSource_IsAnError()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000,\n      \"bron\": \"persbericht\"", "\"waarde\": 30000000");

        AssertSingle(Cijfers, 4, 5, "Het cijfer 'besparing-totaal' heeft geen bron. Zet bij \"bron\" het id van een bron uit publicatie.json.");
    }

    [Fact]
    public void Figure_WithUnknownSource_ListsTheSources()
    {
        content.Replace(Cijfers, "\"waarde\": 49000,\n      \"bron\": \"persbericht\"", "\"waarde\": 49000,\n      \"bron\": \"persbericht-2024\"");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "persbericht-2024"), 7, "De bron 'persbericht-2024' bestaat niet. Kies een id uit \"bronnen\" in publicatie.json: persbericht, nota.");
    }

    [Fact]
    public void Figure_NegativeJobCount_IsImplausible()
    {
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "-49000"), 7, "Het cijfer 'banen-2024' kan niet negatief zijn.");
    }

    [Fact]
    public void Figure_ShareAbove1_SaysHowToWriteAPercentage()
    {
        content.Replace(Cijfers, "\"waarde\": 0.4", "\"waarde\": 40");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"waarde\": 40"), 7, "Het aandeel 'aandeel-hightech' moet tussen 0 en 1 liggen (40% schrijf je als 0.4).");
    }

    [Fact]
    public void Figure_AmountWithCents_MustBeWholeEuros()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000", "\"waarde\": 30000000.5");

        AssertSingle(Cijfers, 8, 7, "Het cijfer 'besparing-totaal' moet een heel getal zijn: bedragen in hele euro's (1500000), aantallen zonder punten of komma's.");
    }

    [Fact]
    public void Figure_DuplicateId_IsAnError()
    {
        content.Replace(Cijfers, "\"id\": \"banen-2024\"", "\"id\": \"besparing-totaal\"");

        var errors = ContentLoader.Load(content.Root).Errors;
        Assert.Contains(new ContentError(Cijfers, content.LineOf(Cijfers, "\"id\": \"besparing-totaal\"", occurrence: 2), 7, "Het cijfer-id 'besparing-totaal' komt twee keer voor. Geef elk cijfer een eigen id."), errors);
    }

    [Fact]
    public void Derived_WithATypedValue_IsRefused()
    {
        content.Replace(Cijfers, "\"label\": \"Besparing in het sociaal domein\",", "\"label\": \"Besparing in het sociaal domein\",\n      \"waarde\": 20000000,");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"id\": \"besparing-sociaal-domein\"") - 1, 5, "Het cijfer 'besparing-sociaal-domein' wordt berekend (\"afgeleid\") en mag dus geen waarde hebben. Haal \"waarde\", \"teller\" en \"noemer\" weg: de site rekent het uit.");
    }

    [Fact]
    public void Derived_FromUnknownFigure_NamesIt()
    {
        content.Replace(Cijfers, "\"van\": [\"banen-2024\", \"banen-groei\"]", "\"van\": [\"banen-2024\", \"banen-groeii\"]");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "banen-groeii"), 68, "Het cijfer 'banen-2018' wordt berekend uit 'banen-groeii', maar dat cijfer bestaat niet.");
    }

    [Fact]
    public void Derived_InACircle_IsAnError()
    {
        content.Replace(Cijfers, "\"van\": [\"besparing-totaal\", \"aandeel-sociaal-domein\"]", "\"van\": [\"besparing-overig\", \"aandeel-sociaal-domein\"]");

        var errors = ContentLoader.Load(content.Root).Errors;
        Assert.Contains(errors, e => e.File == Cijfers && e.Message.Contains("uit zichzelf berekend", StringComparison.Ordinal));
    }

    [Fact]
    public void StatedAndComputed_Disagree_NamesBothNumbers()
    {
        content.Replace(
            Cijfers,
            "\"eenheid\": \"euro\",\n      \"afgeleid\": { \"bewerking\": \"product\", \"van\": [\"besparing-totaal\", \"aandeel-sociaal-domein\"] }",
            "\"eenheid\": \"euro\",\n      \"waarde\": 21000000,\n      \"bron\": \"persbericht\",\n      \"controle\": { \"bewerking\": \"product\", \"van\": [\"besparing-totaal\", \"aandeel-sociaal-domein\"] }");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"controle\""), 7, "Het cijfer 'besparing-sociaal-domein' is €\u00A021.000.000, maar de controle geeft €\u00A030\u00A0miljoen × 2/3 = €\u00A020\u00A0miljoen. Een van de cijfers klopt niet; kijk het na in de bron.");
    }

    [Fact]
    public void StatedAndComputed_Agree_IsValid()
    {
        content.Replace(
            Cijfers,
            "\"eenheid\": \"euro\",\n      \"afgeleid\": { \"bewerking\": \"product\", \"van\": [\"besparing-totaal\", \"aandeel-sociaal-domein\"] }",
            "\"eenheid\": \"euro\",\n      \"waarde\": 20000000,\n      \"bron\": \"persbericht\",\n      \"controle\": { \"bewerking\": \"product\", \"van\": [\"besparing-totaal\", \"aandeel-sociaal-domein\"] }");

        Assert.Empty(ContentLoader.Load(content.Root).Errors);
    }

    [Fact]
    public void Chart_PartsThatDoNotAddUpToTheTotal_IsAnError()
    {
        content.Replace(Cijfers, "\"cijfer\": \"besparing-overig\"", "\"cijfer\": \"besparing-totaal\"");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"delen\""), 7, "De delen tellen op tot 50.000.000, maar het totaal 'besparing-totaal' is 30.000.000. Ze moeten gelijk zijn.");
    }

    [Fact]
    public void Text_WeekdayThatDoesNotMatchTheDate_SaysWhichDayItIs()
    {
        content.Replace(Tekst, "op 1 juli 2025 en beslist", "op woensdag 1 juli 2025 en beslist");

        AssertSingle(Tekst, content.LineOf(Tekst, "woensdag 1 juli"), "'woensdag 1 juli' klopt niet: 1 juli 2025 is een dinsdag. Verbeter de dag of de datum.");
    }

    [Fact]
    public void Text_WeekdayBeforeASecondDate_IsCheckedToo()
    {
        content.Replace(Tekst, "op 8 en 10 juli", "op maandag 8 en donderdag 10 juli");

        AssertSingle(Tekst, content.LineOf(Tekst, "maandag 8"), "'maandag 8 juli' klopt niet: 8 juli 2025 is een dinsdag. Verbeter de dag of de datum.");
    }

    [Fact]
    public void Section_DuplicateId_IsAnError()
    {
        content.Replace(Tekst, "## Hoeveel moet Almelo besparen? {#besparing}", "## Hoeveel moet Almelo besparen? {#banen}");

        AssertSingle(Tekst, content.LineOf(Tekst, "## Hoe gaat het met de banen?"), 1, "Het id 'banen' komt twee keer voor. Elk onderdeel heeft een eigen id.");
    }

    [Fact]
    public void Section_IdWithCapitals_IsAnError()
    {
        content.Replace(Tekst, "{#besparing}", "{#Besparing}");

        AssertSingle(Tekst, content.LineOf(Tekst, "{#Besparing}"), 1, "Het id 'Besparing' mag alleen kleine letters, cijfers en streepjes bevatten, zonder spaties.");
    }

    [Fact]
    public void Section_HeadingWithoutId_ShowsHowToAddOne()
    {
        content.Replace(Tekst, "## Hoeveel moet Almelo besparen? {#besparing}", "## Hoeveel moet Almelo besparen?");

        AssertSingle(Tekst, content.LineOf(Tekst, "## Hoeveel moet Almelo besparen?"), 1, "De kop 'Hoeveel moet Almelo besparen?' heeft geen id. Zet er een id achter, bijvoorbeeld: ## Hoeveel moet Almelo besparen? {#mijn-onderdeel}");
    }

    [Fact]
    public void Section_ReferencedInPublicatieButMissingFromText_IsAnError()
    {
        content.Replace(Publicatie, "\"banen\": { \"grafieken\"", "\"baan\": { \"grafieken\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"baan\""), 5, "Het onderdeel 'baan' staat niet in tekst.md. Gebruik een id van een kop daar: in-het-kort, besparing, waar-bespaard, voor-u, vergaderingen, banen, cijfers.");
    }

    [Fact]
    public void Section_ShowsUnknownFigure_IsAnError()
    {
        content.Replace(Publicatie, "\"cijfers\": [\"besparing-totaal\"", "\"cijfers\": [\"banen-2042\", \"besparing-totaal\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "banen-2042"), 30, "Het cijfer 'banen-2042' bestaat niet in cijfers.json.");
    }

    [Fact]
    public void Figure_NotShownInAnySection_IsAnError()
    {
        content.Replace(Publicatie, ", \"banen-groei-overig\"]", "]");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"secties\""), 3, "Het cijfer 'banen-groei-overig' staat bij geen enkel onderdeel. Zet het bij \"cijfers\" van een onderdeel, zodat het een eigen plek en link op de pagina heeft.");
    }

    [Fact]
    public void Section_WithAnIdTheSiteUses_IsAnError()
    {
        content.Replace(Tekst, "{#besparing}", "{#voor-de-pers}");

        AssertSingle(Tekst, content.LineOf(Tekst, "{#voor-de-pers}"), 1, "Het id 'voor-de-pers' gebruikt de site zelf al. Kies een ander id.");
    }

    [Theory]
    [InlineData("cijfer-banen-2024")]
    [InlineData("grafiek-verdeling-besparing-titel")]
    [InlineData("begrip-wmo")]
    [InlineData("bron-lijst")]
    [InlineData("status")]
    [InlineData("bronnen")]
    [InlineData("sectie-menu-kop")]
    public void Section_WithAnIdThePageGenerates_IsAnError(string id)
    {
        content.Replace(Tekst, "{#besparing}", $"{{#{id}}}");

        AssertSingle(Tekst, content.LineOf(Tekst, $"{{#{id}}}"), 1, $"Het id '{id}' gebruikt de site zelf al. Kies een ander id.");
    }

    [Theory]
    [InlineData("besparing-kop")]
    [InlineData("sectie-menu")]
    [InlineData("bron")]
    public void Section_WithAnIdNoMadeIdCanTake_IsValid(string id)
    {
        // A heading's id is besparing__kop: "__" is a form content cannot write, so "-kop" is free for content.
        content.Replace(Tekst, "{#besparing}", $"{{#{id}}}");

        Assert.Empty(ContentLoader.Load(content.Root).Errors);
    }

    [Fact]
    public void Alias_ThatCollidesWithAnId_IsAnError()
    {
        content.Replace(Publicatie, "\"aliassen\": {", "\"aliassen\": { \"banen\": \"besparing\",");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"aliassen\""), 17, "Het oude id 'banen' is ook het id van iets op de pagina. Een oud id mag niet hetzelfde zijn als een id dat in gebruik is.");
    }

    [Theory]
    [InlineData("tijdlijn")]
    [InlineData("pers-wijzigingen")]
    [InlineData("bron-nota")]
    public void Alias_ThatIsTheIdOfABlockOrSourceOnThePage_IsAnError(string id)
    {
        content.Replace(Publicatie, "\"aliassen\": {", $"\"aliassen\": {{ \"{id}\": \"besparing\",");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"aliassen\""), 17, $"Het oude id '{id}' is ook het id van iets op de pagina. Een oud id mag niet hetzelfde zijn als een id dat in gebruik is.");
    }

    [Fact]
    public void Alias_ToAnIdThatDoesNotExist_IsAnError()
    {
        content.Replace(Publicatie, "\"aliassen\": {", "\"aliassen\": { \"bezuiniging\": \"besparingen\",");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"aliassen\""), 17, "Het oude id 'bezuiniging' verwijst naar 'besparingen', maar dat id bestaat niet op de pagina.");
    }

    [Fact]
    public void Alias_ToASectionOrFigure_IsValid()
    {
        content.Replace(Publicatie, "\"aliassen\": {", "\"aliassen\": { \"bezuiniging\": \"besparing\", \"cijfer-bezuiniging\": \"cijfer-besparing-totaal\",");

        var publication = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        Assert.Equal(["bezuiniging"], publication.AliasesOf("besparing"));
        Assert.Equal(["cijfer-bezuiniging"], publication.AliasesOf("cijfer-besparing-totaal"));
    }

    [Fact]
    public void SourceFile_ThatDoesNotExist_IsAnError()
    {
        content.Replace(Publicatie, "bronnen/persbericht-2025-05-28.txt", "bronnen/persbericht.txt");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "bronnen/persbericht.txt"), 7, "Het bestand 'bronnen/persbericht.txt' bestaat niet in de map van de publicatie. Controleer de naam (hoofdletters tellen mee).");
    }

    [Fact]
    public void SourceFile_OutsideThePublication_IsRefusedByTheSchema()
    {
        content.Replace(Publicatie, "bronnen/persbericht-2025-05-28.txt", "../../etc/passwd.txt");

        Assert.Equal(Publicatie, Single().File);
    }

    [Fact]
    public void Change_BeforeThePublicationDate_IsAnError()
    {
        content.Replace(Publicatie, "{ \"datum\": \"2025-05-28\", \"wat\"", "{ \"datum\": \"2025-05-27\", \"wat\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "2025-05-27"), 7, "Een wijziging op 2025-05-27 ligt vóór de publicatiedatum 2025-05-28. Controleer de datum.");
    }

    [Fact]
    public void Figure_ShownInTwoSections_IsAnError()
    {
        content.Replace(Publicatie, "\"vergaderingen\": { \"vergaderingen\": true, \"tijdlijn\": true }", "\"vergaderingen\": { \"vergaderingen\": true, \"cijfers\": [\"banen-2024\"] }");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"cijfers\": { \"cijfers\""), 18, "Het cijfer 'banen-2024' staat bij meer dan één onderdeel. Zet het bij één onderdeel; een link kan er maar naar één plek gaan.");
    }

    [Fact]
    public void MeetingsBlock_WithoutMeetings_IsAnError()
    {
        content.Write(Vergaderingen, "{ \"vergaderingen\": [] }");

        // The timeline's references to the meetings are reported too.
        Assert.Contains(
            new ContentError(Publicatie, content.LineOf(Publicatie, "\"vergaderingen\": { \"vergaderingen\": true, \"tijdlijn\": true }"), 24, "Dit onderdeel toont de vergaderingen, maar vergaderingen.json ontbreekt of is leeg."),
            ContentLoader.Load(content.Root).Errors);
    }

    [Fact]
    public void Heading_WithAnUnknownFigure_IsAnError()
    {
        content.Replace(Tekst, "## Hoeveel moet Almelo besparen? {#besparing}", "## Hoeveel moet Almelo besparen met {cijfer:banen-2025}? {#besparing}");

        AssertSingle(Tekst, content.LineOf(Tekst, "## Hoeveel moet Almelo besparen met"), "Het cijfer 'banen-2025' bestaat niet in cijfers.json. Controleer de spelling van {cijfer:banen-2025}.");
    }

    [Fact]
    public void Glossary_SameWordForTwoTerms_IsAnError()
    {
        content.Replace(ContentFixture.Slug + "/begrippen.json", "\"vormen\": [\"structurele\"]", "\"vormen\": [\"structurele\", \"gemeenteraad\"]");

        AssertSingle(ContentFixture.Slug + "/begrippen.json", content.LineOf(ContentFixture.Slug + "/begrippen.json", "\"id\": \"gemeenteraad\"") - 1, 5, "Het woord 'gemeenteraad' hoort al bij het begrip 'structureel'. Een woord kan maar naar één uitleg linken.");
    }

    [Fact]
    public void Timeline_UnknownMeeting_IsAnError()
    {
        content.Replace(Publicatie, "\"vergaderingen\": [\"politieke-avond-2025-07-01\"]", "\"vergaderingen\": [\"politieke-avond-2025-07-02\"]");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "politieke-avond-2025-07-02"), 25, "De vergadering 'politieke-avond-2025-07-02' bestaat niet in vergaderingen.json.");
    }

    [Fact]
    public void Timeline_StepsOutOfOrder_IsAnError()
    {
        content.Replace(Publicatie, "\"datum\": \"2025-05-28\",\n      \"titel\": \"Het college", "\"datum\": \"2025-08-28\",\n      \"titel\": \"Het college");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"vergaderingen\": [\"politieke-avond") - 1, 5, "Deze stap ligt vóór de stap erboven. Zet de stappen van de tijdlijn van oud naar nieuw.");
    }

    [Fact]
    public void Alias_ToAMeeting_IsAnError()
    {
        content.Replace(Publicatie, "\"aliassen\": {", "\"aliassen\": { \"raad\": \"vergadering-politieke-avond-2025-07-01\",");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"aliassen\""), 17, "Een oud id kan alleen naar een onderdeel, een cijfer (cijfer-…) of een grafiek (grafiek-…) verwijzen, niet naar 'vergadering-politieke-avond-2025-07-01'.");
    }

    [Fact]
    public void Json_TheWordDataWithAColon_IsOrdinaryText()
    {
        content.Replace(Publicatie, "\"wat\": \"Eerste versie:", "\"wat\": \"De data: 1, 8 en 10 juli. Eerste versie:");

        Assert.Empty(ContentLoader.Load(content.Root).Errors);
    }

    [Fact]
    public void Schema_PhoneWithLetters_SaysWhatAPhoneNumberLooksLike()
    {
        content.Replace(Publicatie, "\"telefoon\": \"14 0546\"", "\"telefoon\": \"bel 14 0546\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"telefoon\""), 5, "'telefoon' moet een telefoonnummer zijn met alleen cijfers, spaties, +, ( ) of -, bijvoorbeeld 14 0546.");
    }

    [Fact]
    public void Text_UnknownFigureReference_IsAnError()
    {
        content.Replace(Tekst, "{cijfer:banen-2024}", "{cijfer:banen-2023}");

        AssertSingle(Tekst, content.LineOf(Tekst, "banen-2023"), "Het cijfer 'banen-2023' bestaat niet in cijfers.json. Controleer de spelling van {cijfer:banen-2023}.");
    }

    [Fact]
    public void Text_RawHtml_IsAnError()
    {
        content.Replace(Tekst, "financieel gezond te houden.", "financieel <b>gezond</b> te houden.");

        var errors = ContentLoader.Load(content.Root).Errors;
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal((Tekst, content.LineOf(Tekst, "<b>gezond")), (e.File, e.Line)));
        Assert.StartsWith("HTML is niet toegestaan in de tekst (<b>)", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_Script_IsAnError()
    {
        content.Replace(Tekst, "## Hoeveel moet Almelo besparen? {#besparing}\n", "## Hoeveel moet Almelo besparen? {#besparing}\n\n<script>alert('x')</script>\n");

        AssertSingle(Tekst, content.LineOf(Tekst, "<script>"), 1, "Een <script> is niet toegestaan in de tekst. Haal het weg.");
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox")]
    public void Text_ScriptLink_IsAnError(string url)
    {
        content.Replace(Tekst, "financieel gezond te houden.", $"financieel [gezond]({url}) te houden.");

        AssertSingle(Tekst, content.LineOf(Tekst, "[gezond]"), $"De link '{url}' is niet toegestaan. Gebruik een webadres dat begint met https:// of http://, of een link binnen de pagina (#id).");
    }

    [Fact]
    public void Text_LinkToAnIdThatDoesNotExist_IsAnError()
    {
        content.Replace(Tekst, "financieel gezond te houden.", "financieel [gezond](#besparingen) te houden.");

        AssertSingle(Tekst, content.LineOf(Tekst, "#besparingen"), "De link naar '#besparingen' gaat nergens heen: er is geen onderdeel of cijfer met dat id op deze pagina.");
    }

    [Fact]
    public void Text_LinkToASectionOrFigure_IsValid()
    {
        content.Replace(Tekst, "financieel gezond te houden.", "financieel [gezond](#besparing) te houden, met [€ 30 miljoen](#cijfer-besparing-totaal).");

        Assert.Empty(ContentLoader.Load(content.Root).Errors);
    }

    [Fact]
    public void Json_TextWithScript_IsAnError()
    {
        content.Replace(Publicatie, "\"naam\": \"Jeffrey Hinnen\"", "\"naam\": \"<script>alert(1)</script>\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "<script>"), 5, "HTML, een <script> of een javascript:- of data:-link is niet toegestaan in een tekst. Schrijf gewone tekst.");
    }

    [Fact]
    public void Folder_NameThatIsNoUrl_IsAnError()
    {
        Directory.Move(content.PathOf(ContentFixture.Slug), content.PathOf("Perspectiefnota 2026"));

        AssertSingle("Perspectiefnota 2026/", 1, 1, "De mapnaam 'Perspectiefnota 2026' kan geen webadres worden. Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 'perspectiefnota-2026-2029').");
    }

    [Fact]
    public void Publication_WithoutText_IsAnError()
    {
        File.Delete(content.PathOf(Tekst));

        // The old ids that point into the missing text are reported as well; the missing file comes first.
        Assert.Equal(
            new ContentError(Tekst, 1, 1, "Het bestand tekst.md ontbreekt. Elke publicatie heeft een tekst met onderdelen."),
            ContentLoader.Load(content.Root).Errors.OrderBy(e => e.File == Tekst ? 0 : 1).First());
    }

    [Fact]
    public void Load_ManyMistakes_ReportsEveryOneOnItsOwnLine()
    {
        content.Replace(Tekst, "op 1 juli 2025 en beslist", "op woensdag 1 juli 2025 en beslist")
            .Replace(Tekst, "{#besparing}", "{#banen}")
            .Replace(Vergaderingen, "\"datum\": \"2025-07-10\"", "\"datum\": \"2025-06-31\"")
            .Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");

        var errors = ContentLoader.Load(content.Root).Errors;

        Assert.Equal(4, errors.Count);
        Assert.Equal([Cijfers, Vergaderingen, Tekst, Tekst], errors.Select(e => e.File).Order(StringComparer.Ordinal).ToList().OrderBy(f => f == Tekst));
        Assert.All(errors, e => Assert.Matches(@"^[^:]+:\d+:\d+: \S", e.ToString()));
    }

    [Fact]
    public void Load_FileThatCannotBeRead_IsAnErrorNotACrash()
    {
        // Reading /proc/self/mem at its start fails with an I/O error; the link is refused before it is read.
        File.Delete(content.PathOf(Cijfers));
        File.CreateSymbolicLink(content.PathOf(Cijfers), "/proc/self/mem");

        var result = ContentLoader.Load(content.Root);

        Assert.Null(result.Snapshot);
        Assert.Contains("snelkoppeling", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_IsAnError()
    {
        var result = ContentLoader.Load(Path.Combine(content.Root, "bestaat-niet"));

        Assert.Equal("Deze inhoudsmap bestaat niet.", Assert.Single(result.Errors).Message);
    }

    public void Dispose() => content.Dispose();
}
