using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>site.json (contact and the council's general information), status-driven sentences, the timeline's source and the status rules that came with them.</summary>
public sealed class SiteSettingsTests : IDisposable
{
    private const string Site = "site.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Tekst = ContentFixture.Slug + "/tekst.md";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    private readonly ContentFixture content = ContentFixture.Live();

    public void Dispose() => content.Dispose();

    [Fact]
    public void ShippedSite_ReadsContactAndCouncilWithSources()
    {
        var site = ContentLoader.Load(ContentFixture.LiveContent).Snapshot!.Site!;

        Assert.Equal(["https://www.almelo.nl/", "mailto:raadsgriffie@almelo.nl"], site.Contact.Select(c => c.Link.ToString()));
        Assert.Equal(new DateOnly(2026, 12, 4), site.Contact[1].Source!.Consulted);
        Assert.Equal("https://almelo.bestuurlijkeinformatie.nl/", site.Council!.Information.Url.ToString());
        Assert.All(site.Council.TakingPart, line => Assert.NotNull(line.Source.Url));
    }

    [Fact]
    public void SiteSource_WithoutDateRead_IsAnErrorAtTheSource()
    {
        content.Replace(Site, "      \"url\": \"https://www.almelo.nl/uw-invloed-de-gemeenteraad\",\n      \"geraadpleegd\": \"2026-12-04\"", "      \"url\": \"https://www.almelo.nl/uw-invloed-de-gemeenteraad\"");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Site, content.LineOf(Site, "\"id\": \"uw-invloed-aanmelden\"") - 1), (error.File, error.Line));
        Assert.Contains("'geraadpleegd' ontbreekt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteSource_WithoutAddress_IsAnErrorAtTheSource()
    {
        content.Replace(Site, "      \"url\": \"https://www.almelo.nl/uw-invloed-de-gemeenteraad\",\n", string.Empty);

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal(Site, error.File);
        Assert.Contains("'url' ontbreekt", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TakingPart_WithAnUnknownSource_IsAnErrorAtItsBron()
    {
        content.Replace(Site, "\"bron\": \"uw-invloed-aanmelden\"", "\"bron\": \"onbekend\"");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Site, content.LineOf(Site, "\"bron\": \"onbekend\"")), (error.File, error.Line));
        Assert.StartsWith("De bron 'onbekend' bestaat niet.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ContactEmail_WithoutSource_IsAnError()
    {
        content.Replace(Site, "\"email\": \"raadsgriffie@almelo.nl\", \"bron\": \"uw-invloed\"", "\"email\": \"raadsgriffie@almelo.nl\"");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Site, content.LineOf(Site, "\"email\"")), (error.File, error.Line));
        Assert.Contains("Bij een e-mailadres hoort een \"bron\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bel (0546) 54 13 91.")]
    [InlineData("Bel 0546-541391.")]
    [InlineData("Bel 06 12345678.")]
    [InlineData("Bel 14 0546.")]
    public void PhoneNumber_InASiteText_IsAnError(string text)
    {
        content.Replace(Site, "maar niet inspreken.", text);

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Site, content.LineOf(Site, text)), (error.File, error.Line));
        Assert.StartsWith("Hier staat een telefoonnummer.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Contact_WithBothAddressAndEmail_IsAnError()
    {
        content.Replace(Site, "\"email\": \"raadsgriffie@almelo.nl\",", "\"url\": \"https://www.almelo.nl\", \"email\": \"raadsgriffie@almelo.nl\",");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.StartsWith("Geef bij elke manier van contact precies één van", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoSiteFile_LoadsWithoutSiteSettings()
    {
        File.Delete(content.PathOf(Site));
        File.Delete(content.PathOf("site.en.json"));

        var result = ContentLoader.Load(content.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Null(result.Snapshot!.Site);
    }

    [Fact]
    public void StatusSentence_UnknownName_IsAnErrorAtItsPlaceInTheText()
    {
        content.Replace(Tekst, "{status:kort}", "{status:kortt}");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Tekst, content.LineOf(Tekst, "{status:kortt}"), 3), (error.File, error.Line, error.Column));
        Assert.Contains("geen zin 'kortt'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusSentence_UnknownPlaceholder_IsAnErrorAtTheSentence()
    {
        content.Replace(Publicatie, "De gemeenteraad besloot erover op {besluitdatum}.", "De gemeenteraad besloot erover op {datum}.");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Publicatie, content.LineOf(Publicatie, "{datum}")), (error.File, error.Line));
        Assert.StartsWith("{datum} kan de site niet invullen.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusSentence_WithoutTheCaseOfADecisionFollowedByAMeeting_IsAnError()
    {
        content.Replace(Publicatie, ",\n    \"besloten-bezig\": \"Besloten op {besluitdatum}: {uitkomst} De raad vergadert er verder over op {komend}.\"", string.Empty);

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Contains("'besloten-bezig' ontbreekt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 6, 1, "De gemeenteraad bespreekt het voorstel op dinsdag 1 juli 2025 en beslist op dinsdag 8 en donderdag 10 juli 2025.")]
    [InlineData(2025, 7, 9, "De gemeenteraad besprak het voorstel op dinsdag 1 en dinsdag 8 juli 2025 en vergadert verder op donderdag 10 juli 2025.")]
    [InlineData(2026, 12, 4, "De gemeenteraad vergaderde erover op dinsdag 1, dinsdag 8 en donderdag 10 juli 2025.")]
    public void StatusSentence_InTheText_FollowsTheDay(int year, int month, int day, string expected)
    {
        var nota = ContentLoader.Load(ContentFixture.LiveContent).Snapshot!.Find(ContentFixture.Slug)!;

        var html = StatusSentences.Fill(nota.Sections[0].Html, nota, new DateOnly(year, month, day));

        Assert.Contains(expected, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.DoesNotContain("status-zin", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_ShownByNoSection_IsAWarningAtTheTimeline()
    {
        content.Replace(Publicatie, "\"vergaderingen\": { \"vergaderingen\": true, \"tijdlijn\": true }", "\"vergaderingen\": { \"vergaderingen\": true }");
        var snapshot = ContentLoader.Load(content.Root).Snapshot!;

        var warning = Assert.Single(UnshownContent.In(snapshot));

        Assert.Equal(new ContentLocation(Publicatie, content.LineOf(Publicatie, "\"tijdlijn\": ["), 3), warning.Location);
        Assert.StartsWith("Deze tijdlijn staat bij geen enkel onderdeel", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimelineStep_WithAnUnknownSource_IsAnErrorAtItsBron()
    {
        content.Replace(Publicatie, "\"bron\": \"agenda-begroting-2026\"", "\"bron\": \"agenda\"");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);

        Assert.Equal((Publicatie, content.LineOf(Publicatie, "\"bron\": \"agenda\"")), (error.File, error.Line));
        Assert.StartsWith("De bron 'agenda' van deze stap bestaat niet.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_OutcomeThenALaterMeeting_KeepsTheDecisionAndNamesTheNextMeeting()
    {
        using var withOutcome = ContentFixture.WithOutcome()
            .Replace(Vergaderingen, "  ]\n}", "  ,{ \"id\": \"later\", \"datum\": \"2026-12-15\", \"soort\": \"politieke-avond\", \"onderwerp\": \"Verder praten\" }\n  ]\n}");
        var nota = ContentLoader.Load(withOutcome.Root).Snapshot!.Find(ContentFixture.Slug)!;

        var status = PublicationStatus.For(nota, new DateOnly(2026, 12, 4))!;

        Assert.Equal(DecisionStage.DecidedContinuing, status.Stage);
        Assert.Equal("De gemeenteraad heeft op donderdag 10 juli 2025 besloten: De raad stemde in met de nota (voorbeeld). De raad vergadert er verder over op dinsdag 15 december 2026.", status.Text);
        Assert.Equal("besluitvorming-2025-07-10", status.Decision!.Id);
    }

    [Theory]
    [InlineData(2025, 7, 1, null)]
    [InlineData(2025, 7, 2, "2025-07-01")]
    [InlineData(2025, 7, 11, "2025-07-10")]
    public void StatusSince_IsTheLastMeetingThatIsOver(int year, int month, int day, string? expected)
    {
        var nota = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Find(ContentFixture.Slug)!;

        var since = PublicationStatus.For(nota, new DateOnly(year, month, day))!.Since;

        Assert.Equal(expected, since?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
