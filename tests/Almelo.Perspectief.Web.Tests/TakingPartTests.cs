using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Where to ask, how to take part, and a page that speaks of its meetings in the tense of the day (site.json, status sentences).</summary>
public sealed class TakingPartTests
{
    private const string Nota = "/" + ContentFixture.Slug;
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    [Theory]
    [InlineData(Nota)]
    [InlineData("/toegankelijkheid")]
    [InlineData("/privacy")]
    [InlineData("/")]
    public async Task Footer_OnEveryPage_LinksAlmeloNlAndTheRaadsgriffie(string path)
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: DateTimeOffset.UtcNow);

        var document = await factory.CreateClient().Html(path);

        var links = document.QuerySelectorAll("footer .contact a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["https://www.almelo.nl/", "mailto:raadsgriffie@almelo.nl"], links);
        Assert.DoesNotContain("telefoonnummer", document.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PressSection_GivesTheContactWithTheSourceOfTheEmailAddress()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: DateTimeOffset.UtcNow);

        var press = (await factory.CreateClient().Html(Nota)).QuerySelector("#voor-de-pers .contact")!;

        Assert.Contains("raadsgriffie@almelo.nl", press.TextContent, StringComparison.Ordinal);
        Assert.Contains("geraadpleegd op 4 december 2026", press.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Meetings_ShowTheirSubjectTakingPartAndTheTimelineWithItsAutumnSource()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: DateTimeOffset.UtcNow);

        var section = (await factory.CreateClient().Html(Nota)).QuerySelector("#vergaderingen")!;

        Assert.Equal(3, section.QuerySelectorAll(".vergadering__onderwerp").Count(p => p.TextContent.Contains("Perspectiefnota", StringComparison.Ordinal)));
        var takingPart = section.QuerySelector("#meepraten")!;
        Assert.Contains("uiterlijk om 15.00 uur op de dag vóór de vergadering", takingPart.TextContent, StringComparison.Ordinal);
        Assert.Contains("https://www.almelo.nl/vergaderingen-live-volgen-terugkijken", takingPart.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Contains("https://almelo.bestuurlijkeinformatie.nl/Calendar/OpenCategory/10000000", section.QuerySelectorAll("#tijdlijn a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Page_BeforeTheMeetings_SpeaksOfThemInTheFutureAndHasNoStatusDate()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.Zero));

        var document = await factory.CreateClient().Html(Nota);

        Assert.Contains("De gemeenteraad bespreekt het voorstel op dinsdag 1 juli 2025 en beslist op dinsdag 8 en donderdag 10 juli 2025.", document.QuerySelector("#in-het-kort")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Status bijgewerkt", document.QuerySelector(".publicatie-kop__meta")!.TextContent, StringComparison.Ordinal);
        // Before any meeting the page was last modified by its newest change.
        Assert.Equal(TextFormat.IsoDate(NewestChange(content)), document.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Page_AfterTheMeetings_SpeaksInThePastAndDatesTheStatusByTheLastMeeting()
    {
        using var content = ContentFixture.Live();
        using var factory = new PerspectiefFactory(content.Root, now: new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));
        var client = factory.CreateClient();

        var document = await client.Html(Nota);

        Assert.Contains("De gemeenteraad vergaderde erover op dinsdag 1, dinsdag 8 en donderdag 10 juli 2025.", document.QuerySelector("#in-het-kort")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Status bijgewerkt 10 juli 2025", document.QuerySelector(".publicatie-kop__meta")!.TextContent.ReplaceLineEndings(" "), StringComparison.Ordinal);
        // Modified: the status's date or the newest change, whichever is later.
        var modified = TextFormat.IsoDate(new[] { new DateOnly(2025, 7, 10), NewestChange(content) }.Max());
        Assert.Equal(modified, document.QuerySelector("meta[property='article:modified_time']")!.GetAttribute("content"));
        Assert.Contains($"<lastmod>{modified}</lastmod>", await client.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    private static DateOnly NewestChange(ContentFixture content) =>
        ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!.LastUpdated;

    [Fact]
    public async Task Outcome_OnTheLastMeeting_ShowsOnceWithOneLinkToItsAddress()
    {
        using var content = ContentFixture.Live()
            .Replace(ContentFixture.Slug + "/publicatie.json", "\"bronnen\": [", "\"bronnen\": [\n    { \"id\": \"raadsbesluit\", \"titel\": \"Besluit (voorbeeld)\", \"uitgever\": \"Gemeenteraad Almelo\", \"datum\": \"2025-07-10\", \"url\": \"https://raad.example.org/besluit\", \"geraadpleegd\": \"2025-07-10\" },")
            .Replace(Vergaderingen, "\"id\": \"besluitvorming-2025-07-10\",", "\"id\": \"besluitvorming-2025-07-10\",\n      \"uitkomst\": { \"tekst\": \"De raad stemde in met de nota (voorbeeld).\", \"besluit\": \"https://raad.example.org/besluit\", \"bron\": \"raadsbesluit\" },")
            .Replace(ContentFixture.Slug + "/vertaling.en.json", "\"besluitvorming-2025-07-10\": { \"onderwerp\": \"Deciding on the Perspectiefnota\" }", "\"besluitvorming-2025-07-10\": { \"onderwerp\": \"Deciding on the Perspectiefnota\", \"uitkomst\": \"The council agreed to the nota (example).\" }");
        using var factory = new PerspectiefFactory(content.Root, now: new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero));

        var document = await factory.CreateClient().Html(Nota);

        // Once in the notice; the sources under "Voor de pers" list every source, this one too.
        var main = document.QuerySelector("main")!;
        Assert.Single(main.QuerySelectorAll(".publicatie-kop a[href='https://raad.example.org/besluit'], #vergaderingen a[href='https://raad.example.org/besluit']"));
        Assert.Single(Occurrences(main.TextContent, "De raad stemde in met de nota (voorbeeld)."));
        Assert.Contains("bovenaan deze pagina", main.QuerySelector("#vergadering-besluitvorming-2025-07-10")!.TextContent, StringComparison.Ordinal);
    }

    private static IEnumerable<int> Occurrences(string text, string find)
    {
        for (var at = text.IndexOf(find, StringComparison.Ordinal); at >= 0; at = text.IndexOf(find, at + 1, StringComparison.Ordinal))
        {
            yield return at;
        }
    }
}
