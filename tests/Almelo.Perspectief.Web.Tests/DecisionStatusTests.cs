using Almelo.Perspectief.Content.Tests;
using Ical.Net;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Where the decision stands, on the page, the home page, /health and the Development banner.</summary>
public sealed class DecisionStatusTests
{
    private const string Nota = "/" + ContentFixture.Slug;
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    [Fact]
    public async Task ShippedContentToday_StatusSitsUnderTheTitleAboveTheFirstSectionAndNamesTheGemeenteraad()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: DateTimeOffset.UtcNow);

        var document = await factory.CreateClient().Html(Nota);

        var status = document.QuerySelector("#status")!;
        Assert.Equal("H1", status.PreviousElementSibling!.TagName);
        Assert.True(status.CompareDocumentPosition(document.QuerySelector(".secties section")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
        Assert.Contains("De gemeenteraad heeft over dit voorstel vergaderd op", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("staat nog niet op deze pagina", status.TextContent, StringComparison.Ordinal);
        // The dates are said once, in "In het kort" right below.
        Assert.Contains("dinsdag 8 en donderdag 10 juli 2025", document.QuerySelector("#in-het-kort")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["https://almelo.bestuurlijkeinformatie.nl/", "https://almelo2025.perspectiefnota.nl/"], status.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task ShippedContentToday_OffersNoCalendarForThePastMeetings()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: DateTimeOffset.UtcNow);

        var document = await factory.CreateClient().Html(Nota);

        Assert.Empty(document.QuerySelectorAll("a[href$='.ics']"));
        Assert.DoesNotContain("Zet in agenda", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Voorbij", "Voorbij", "Voorbij"], document.QuerySelectorAll(".vergadering__status").Select(s => s.TextContent));
        Assert.Empty(document.QuerySelectorAll(".vergadering__links"));
        Assert.DoesNotContain("Plaats:", document.QuerySelector(".vergaderingen")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContentMovedToTheFuture_StatusSaysWhenTheCouncilDecidesAndEachMeetingOffersTheCalendar()
    {
        using var content = ContentFixture.Live()
            .Replace(Vergaderingen, "\"datum\": \"2025-07-01\"", "\"datum\": \"2031-07-01\"")
            .Replace(Vergaderingen, "\"datum\": \"2025-07-08\"", "\"datum\": \"2031-07-08\"")
            .Replace(Vergaderingen, "\"datum\": \"2025-07-10\"", "\"datum\": \"2031-07-10\"");
        using var factory = new PerspectiefFactory(content.Root);
        var client = factory.CreateClient();

        var document = await client.Html(Nota);

        Assert.Equal(
            "De gemeenteraad bespreekt dit voorstel op dinsdag 1 juli 2031 en beslist erover op dinsdag 8 en donderdag 10 juli 2031.",
            document.QuerySelector("#status p")!.TextContent);
        var links = document.QuerySelectorAll(".vergadering__agenda a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(3, links.Count);
        Assert.All(document.QuerySelectorAll(".vergadering"), m => Assert.Contains("Zet in agenda", m.TextContent, StringComparison.Ordinal));
        var calendar = Calendar.Load(await client.GetStringAsync(new Uri(links[0], UriKind.Relative)))!;
        Assert.Equal(new DateOnly(2031, 7, 1), Assert.Single(calendar.Events).DtStart!.Date);
        Assert.NotNull(document.QuerySelector($"a[href='{Nota}/vergaderingen.ics']"));

        var health = await client.Health();
        Assert.Empty(health.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data").GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task OutcomeRecorded_StatusSaysWhatWasDecidedWithItsSourceAndDecisionLink()
    {
        using var content = ContentFixture.WithOutcome();
        using var factory = new PerspectiefFactory(content.Root);

        var document = await factory.CreateClient().Html(Nota);

        var status = document.QuerySelector("#status")!;
        Assert.Contains("De gemeenteraad heeft op donderdag 10 juli 2025 besloten: De raad stemde in met de nota (voorbeeld).", status.TextContent, StringComparison.Ordinal);
        Assert.Contains("Bron: Besluit (voorbeeld), Gemeenteraad Almelo, 10 juli 2025, geraadpleegd op 10 juli 2025.", status.TextContent, StringComparison.Ordinal);
        Assert.Single(status.QuerySelectorAll("a[href='https://raad.example.org/besluit']"));
        Assert.Contains("bovenaan deze pagina", document.QuerySelector("#vergadering-besluitvorming-2025-07-10")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector(".inhoudswaarschuwingen"));
    }

    [Fact]
    public async Task PastMeetingWithARecording_OffersTerugkijkenInsteadOfTheCalendar()
    {
        using var content = ContentFixture.Reference()
            .Replace(Vergaderingen, "\"id\": \"politieke-avond-2025-07-01\",", "\"id\": \"politieke-avond-2025-07-01\", \"uitzending\": \"https://raad.example.org/opname\", \"begintijd\": \"19:30\", \"plaats\": { \"naam\": \"Raadzaal\" },");
        using var factory = new PerspectiefFactory(content.Root);

        var meeting = (await factory.CreateClient().Html(Nota)).QuerySelector("#vergadering-politieke-avond-2025-07-01")!;

        Assert.Equal("Terugkijken: vergadering van dinsdag 1 juli 2025", meeting.QuerySelector("a[href='https://raad.example.org/opname']")!.TextContent);
        Assert.Null(meeting.QuerySelector("a[href$='.ics']"));
        Assert.Contains("dinsdag 1 juli 2025, 19.30 uur", meeting.QuerySelector("time")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Plaats: Raadzaal", meeting.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_ShowsTheStatusOfEachPublication()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root, now: new DateTimeOffset(2025, 7, 9, 12, 0, 0, TimeSpan.Zero));

        var card = (await factory.CreateClient().Html("/")).QuerySelector(".publicatie-kaart__status")!;

        Assert.Equal("Hoe ver is het besluit? De gemeenteraad heeft dit voorstel besproken op dinsdag 1 en dinsdag 8 juli 2025. De raad vergadert er verder over op donderdag 10 juli 2025.", card.TextContent);
    }

    [Fact]
    public async Task StaleContent_HealthStaysHealthyAndListsTheWarning()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root);

        var health = await factory.CreateClient().Health();

        Assert.Equal("Healthy", health.Status());
        var check = health.RootElement.GetProperty("checks").GetProperty("content");
        var warning = Assert.Single(check.GetProperty("data").GetProperty("warnings").EnumerateArray()).GetString()!;
        var line = content.LineOf(Vergaderingen, "\"besluitvorming-2025-07-10\"") - 1;
        Assert.StartsWith($"waarschuwing: {Vergaderingen}:{line}:5: Alle vergaderingen", warning, StringComparison.Ordinal);
        Assert.Empty(health.ContentErrors());
    }

    [Theory]
    [InlineData("Development", true)]
    [InlineData("Production", false)]
    public async Task StaleContent_BannerOnlyInDevelopment(string environment, bool shown)
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root, environment: environment);

        var banner = (await factory.CreateClient().Html(Nota)).QuerySelector(".inhoudswaarschuwingen");

        Assert.Equal(shown, banner is not null);
        if (banner is not null)
        {
            Assert.Contains($"{Vergaderingen}:", banner.TextContent, StringComparison.Ordinal);
            Assert.Contains("Zet bij de laatste vergadering een \"uitkomst\"", banner.TextContent, StringComparison.Ordinal);
        }
    }
}
