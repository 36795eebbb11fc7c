using System.Net;
using System.Text;
using System.Text.Json;
using Almelo.Perspectief.Content.Tests;
using CsvHelper;
using Ical.Net;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>What journalists use: stable links, sources, downloads, the calendar, and the addresses machines read.</summary>
public sealed class JournalistTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    private HttpClient Client => site.Factory.CreateClient();

    private async Task<HttpResponseMessage> Get(string url) => await Client.GetAsync(new Uri(url, UriKind.Relative));

    [Fact]
    public async Task EverySection_HasAPlainLinkToItself_BesideItsHeadingNotInIt()
    {
        var document = await Client.Html(Nota);

        foreach (var section in document.QuerySelectorAll("section.sectie"))
        {
            var heading = section.QuerySelector("h2")!;
            var link = section.QuerySelector("a.eigen-link")!;
            Assert.Equal(Nota + "#" + section.Id, link.GetAttribute("href"));
            // A small "#" beside the heading with a short name of its own, described by the heading; the heading
            // (and the section it names) keeps its text alone.
            Assert.Null(heading.QuerySelector("a"));
            Assert.Same(heading.ParentElement, link.ParentElement);
            Assert.Equal(heading.Id, section.GetAttribute("aria-labelledby"));
            Assert.Equal(heading.Id, link.GetAttribute("aria-describedby"));
            Assert.Equal("#", link.QuerySelector("[aria-hidden=true]")!.TextContent);
            Assert.Equal("Kopieer link", link.QuerySelector(".visueel-verborgen")!.TextContent);
        }
    }

    [Fact]
    public async Task EveryFigure_HasItsOwnIdAndAVisibleLinkToIt()
    {
        var document = await Client.Html(Nota);

        // Each figure is a row of the one figures table, with its own id and a "#" that links to it.
        Assert.Equal("TR", document.GetElementById("cijfer-besparing-totaal")!.TagName);
        var rows = document.QuerySelectorAll("#cijfers tr.cijfer[id^='cijfer-']");
        Assert.Equal(11, rows.Length);
        Assert.All(rows, row =>
        {
            var link = row.QuerySelector("a.eigen-link")!;
            Assert.Equal(Nota + "#" + row.Id, link.GetAttribute("href"));
            Assert.Equal(row.QuerySelector("th")!.Id, link.GetAttribute("aria-describedby"));
            Assert.Null(row.QuerySelector("th a"));
        });
    }

    [Fact]
    public async Task StatedFigure_LinksItsSourceNumberToTheSourceUnderVoorDePers()
    {
        var document = await Client.Html(Nota);

        var link = document.QuerySelector("#cijfer-besparing-totaal a.bron-link")!;

        Assert.Equal("Bron 1", link.TextContent);
        Assert.Equal(Nota + "#bron-persbericht", link.GetAttribute("href"));
        Assert.Equal("voor-de-pers", document.GetElementById("bron-persbericht")!.Closest("section")!.Id);
    }

    [Fact]
    public async Task StatusNotice_IsARegionNamedByItsHeading()
    {
        var document = await Client.Html(Nota);

        var status = document.GetElementById("status")!;

        Assert.Equal("SECTION", status.TagName);
        var heading = document.GetElementById(status.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("H2", heading.TagName);
        Assert.Equal("Hoe ver is het besluit?", heading.TextContent);
    }

    [Fact]
    public async Task SourcePage_EveryBlockHasAnIdAndALinkToItself()
    {
        const string page = Nota + "/bron/persbericht";
        var document = await Client.Html(page);

        var blocks = document.QuerySelectorAll(".bron-tekst p, .bron-tekst h2");
        Assert.True(blocks.Length > 5);
        Assert.Equal(Enumerable.Range(1, blocks.Length).Select(n => $"alinea__{n}"), blocks.Select(b => b.Id));
        foreach (var paragraph in document.QuerySelectorAll(".bron-tekst p"))
        {
            var link = paragraph.QuerySelector("a.eigen-link")!;
            Assert.Equal(page + "#" + paragraph.Id, link.GetAttribute("href"));
            Assert.Equal($"Kopieer link naar alinea {paragraph.Id![8..]}", link.QuerySelector(".visueel-verborgen")!.TextContent);
        }
    }

    [Fact]
    public async Task Page_HasCanonicalShareCardsAndLinkedData()
    {
        var document = await Client.Html(Nota);

        Assert.Equal("http://localhost/perspectiefnota-2026-2029", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("Perspectiefnota 2026-2029", Meta(document, "property", "og:title"));
        Assert.Equal("http://localhost/perspectiefnota-2026-2029", Meta(document, "property", "og:url"));
        Assert.Equal("http://localhost/perspectiefnota-2026-2029/deelafbeelding.png", Meta(document, "property", "og:image"));
        Assert.Equal("image/png", Meta(document, "property", "og:image:type"));
        Assert.Equal("1200", Meta(document, "property", "og:image:width"));
        Assert.Equal("630", Meta(document, "property", "og:image:height"));
        Assert.Equal("summary_large_image", Meta(document, "name", "twitter:card"));
        Assert.StartsWith("Almelo moet structureel", Meta(document, "property", "og:description"), StringComparison.Ordinal);

        using var json = JsonDocument.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var graph = json.RootElement.GetProperty("@graph");
        Assert.Equal("Article", graph[0].GetProperty("@type").GetString());
        Assert.Equal("2025-05-28", graph[0].GetProperty("datePublished").GetString());
        Assert.Equal("Dataset", graph[1].GetProperty("@type").GetString());
        Assert.Equal("http://localhost/perspectiefnota-2026-2029/cijfers.csv", graph[1].GetProperty("distribution")[0].GetProperty("contentUrl").GetString());
    }

    [Fact]
    public async Task Canonical_UsesTheConfiguredPublicAddress()
    {
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root).WithSetting("Site:BaseUrl", "https://perspectief.almelo.nl");

        var document = await factory.CreateClient().Html(Nota);

        Assert.Equal("https://perspectief.almelo.nl/perspectiefnota-2026-2029", document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task PressSection_HasContactDateSourcesQuoteAndChanges()
    {
        var section = (await Client.Html(Nota)).GetElementById("voor-de-pers")!;

        Assert.Contains("Team Communicatie, gemeente Almelo", section.TextContent, StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector("a[href='tel:140546']"));
        Assert.Contains("Gepubliceerd28 mei 2025, Almelo", section.QuerySelector(".pers__gegevens")!.TextContent.Replace("\n", "", StringComparison.Ordinal).Replace("  ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.NotNull(section.QuerySelector("a[href='/perspectiefnota-2026-2029/bronnen/persbericht-2025-05-28.txt']"));
        Assert.NotNull(section.QuerySelector("a[href='https://almelo2025.perspectiefnota.nl/']"));
        Assert.Equal("Jeffrey Hinnen, wethouder Financiën", section.QuerySelector("figure.citaat figcaption")!.TextContent);
        Assert.Contains("Eerste versie", section.QuerySelector(".pers__wijzigingen")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Header_SaysWhenThePublicationWasLastUpdated()
    {
        var document = await Client.Html(Nota);
        var meta = document.QuerySelector(".publicatie-kop__meta")!;

        Assert.Contains("Bijgewerkt 28 mei 2025", meta.TextContent, StringComparison.Ordinal);
        // "wijzigingen" opens the change list itself.
        var changes = meta.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal(Nota + "#pers-wijzigingen", changes);
        Assert.Equal("Wijzigingen", document.GetElementById("pers-wijzigingen")!.TextContent);
    }

    [Fact]
    public async Task FiguresCsv_IsSemicolonSeparatedUtf8WithBom_ForDutchExcel()
    {
        var response = await Get(Nota + "/cijfers.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("perspectiefnota-2026-2029-cijfers.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);

        using var csv = CsvReader.Create(bytes, new CsvReaderOptions { Separator = ';', HasHeader = true });
        var rows = new Dictionary<string, Dictionary<string, string>>();
        while (csv.Read())
        {
            rows[csv.GetString("id")] = csv.Headers.ToDictionary(h => h, h => csv.GetString(h));
        }
        Assert.Equal(11, rows.Count);
        Assert.Equal("30000000", rows["besparing-totaal"]["waarde"]);
        Assert.Equal("vermeld", rows["besparing-totaal"]["soort"]);
        Assert.Equal("20000000", rows["besparing-sociaal-domein"]["waarde"]);
        Assert.Equal("berekend", rows["besparing-sociaal-domein"]["soort"]);
        Assert.Equal("€\u00A030\u00A0miljoen × 2/3 = €\u00A020\u00A0miljoen", rows["besparing-sociaal-domein"]["berekening"]);
        Assert.Equal("http://localhost/perspectiefnota-2026-2029/bron/persbericht", rows["besparing-totaal"]["bron_url"]);
        Assert.Equal("minder dan", rows["banen-2018"]["benadering"]);
        Assert.Equal("0,4", rows["aandeel-hightech"]["waarde"]);
        Assert.Equal("0,6667", rows["aandeel-sociaal-domein"]["waarde"]);
        Assert.Equal("ruim", rows["banen-groei"]["benadering"]);
        Assert.Equal("42250", rows["banen-2018"]["waarde"]);
        Assert.Equal("Persbericht ‘Vertrouwen in de toekomst’", rows["banen-2024"]["bron"]);
        Assert.Equal("2025-05-28", rows["banen-2024"]["bron_datum"]);
        Assert.Equal("http://localhost/perspectiefnota-2026-2029#cijfer-banen-2024", rows["banen-2024"]["link"]);
    }

    [Fact]
    public async Task FiguresJson_HasEveryFigureWithItsSourceAndASchemaLink()
    {
        var response = await Get(Nota + "/cijfers.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;

        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("perspectiefnota-2026-2029-cijfers.json", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("http://localhost/schema/cijfers-export.schema.json", root.GetProperty("$schema").GetString());
        Assert.Equal("2025-05-28", root.GetProperty("publicatie").GetProperty("laatstBijgewerkt").GetString());
        var figures = root.GetProperty("cijfers").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(30_000_000m, figures["besparing-totaal"].GetProperty("waarde").GetDecimal());
        Assert.Equal("persbericht", figures["besparing-totaal"].GetProperty("bron").GetString());
        Assert.Equal(2m, figures["aandeel-sociaal-domein"].GetProperty("teller").GetDecimal());
        Assert.Equal(3m, figures["aandeel-sociaal-domein"].GetProperty("noemer").GetDecimal());
        var derived = figures["banen-hightech"];
        Assert.Equal(2_700m, derived.GetProperty("waarde").GetDecimal());
        Assert.Equal("berekend", derived.GetProperty("soort").GetString());
        Assert.Equal("ruim", derived.GetProperty("benadering").GetString());
        Assert.Equal("minder dan", figures["banen-2018"].GetProperty("benadering").GetString());
        Assert.Equal(["banen-groei", "aandeel-hightech"], derived.GetProperty("berekening").GetProperty("van").EnumerateArray().Select(v => v.GetString()));
        var sources = root.GetProperty("bronnen").EnumerateArray().ToList();
        Assert.Equal("http://localhost/perspectiefnota-2026-2029/bronnen/persbericht-2025-05-28.txt", sources[0].GetProperty("bestand").GetString());
        Assert.Equal("https://almelo2025.perspectiefnota.nl/", sources[1].GetProperty("url").GetString());
    }

    [Fact]
    public async Task ExportSchema_IsServed()
    {
        var response = await Get("/schema/cijfers-export.schema.json");
        using var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("object", schema.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task FiguresExport_ValidatesAgainstItsPublishedSchema()
    {
        var schema = Json.Schema.JsonSchema.FromText(await Client.GetStringAsync(new Uri("/schema/cijfers-export.schema.json", UriKind.Relative)));
        using var export = JsonDocument.Parse(await Client.GetStringAsync(new Uri(Nota + "/cijfers.json", UriKind.Relative)));

        var result = schema.Evaluate(export.RootElement, new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    [Fact]
    public async Task Calendar_HasEveryMeetingAsAnAllDayEventWithALinkBack()
    {
        var response = await Get(Nota + "/vergaderingen.ics");
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Europe/Amsterdam", Assert.Single(calendar.TimeZones).TzId);
        var events = calendar.Events.OrderBy(e => e.DtStart!.Value).ToList();
        Assert.Equal([new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 8), new DateOnly(2025, 7, 10)], events.Select(e => DateOnly.FromDateTime(e.DtStart!.Value)));
        Assert.All(events, e => Assert.False(e.DtStart!.HasTime));
        Assert.Equal("Gemeenteraad Almelo: politieke avond over de Perspectiefnota 2026-2029", events[0].Summary);
        Assert.Contains("de raad beslist", events[1].Description, StringComparison.Ordinal);
        Assert.Equal(new Uri("http://localhost/perspectiefnota-2026-2029#vergadering-besluitvorming-2025-07-08"), events[1].Url);
        Assert.Equal(3, events.Select(e => e.Uid).Distinct().Count());
    }

    [Fact]
    public async Task Calendar_PastMeeting_IsNotOfferedButItsAddressStillServesTheEvent()
    {
        var document = await Client.Html(Nota);
        const string link = "/perspectiefnota-2026-2029/vergaderingen/politieke-avond-2025-07-01.ics";

        var calendar = Calendar.Load(await Client.GetStringAsync(new Uri(link, UriKind.Relative)))!;

        Assert.Null(document.QuerySelector($"a[href='{link}']"));
        Assert.Empty(document.QuerySelectorAll("a[href$='.ics']"));
        Assert.Equal(new DateOnly(2025, 7, 1), DateOnly.FromDateTime(Assert.Single(calendar.Events).DtStart!.Value));
    }

    [Fact]
    public async Task Downloads_AreListedOnceForThePressWithTypeSizeAndDate()
    {
        var document = await Client.Html(Nota);

        var csv = Assert.Single(document.QuerySelectorAll("a[href='/perspectiefnota-2026-2029/cijfers.csv']"));
        Assert.Single(document.QuerySelectorAll("a[href='/perspectiefnota-2026-2029/cijfers.json']"));
        Assert.Equal("voor-de-pers", csv.Closest("section")!.Id);
        Assert.Matches(@"\(voor Excel; \d+\u00A0kB, 28 mei 2025\)", csv.ParentElement!.TextContent);
        var sources = document.QuerySelectorAll("#voor-de-pers ol.bronnen li").Select(li => li.TextContent).ToList();
        Assert.Contains("Lees de volledige tekst", sources[0], StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("#voor-de-pers a[href='/perspectiefnota-2026-2029/bron/persbericht']"));
        Assert.NotNull(document.QuerySelector("#voor-de-pers a[href='https://almelo2025.perspectiefnota.nl/']"));
    }

    [Fact]
    public async Task SourceFile_IsServedAsDeclared()
    {
        var response = await Get(Nota + "/bronnen/persbericht-2025-05-28.txt");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vertrouwen in de toekomst", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Nota + "/tekst.md")]
    [InlineData(Nota + "/publicatie.json")]
    [InlineData(Nota + "/bronnen/../publicatie.json")]
    [InlineData(Nota + "/bronnen/%2e%2e/publicatie.json")]
    [InlineData(Nota + "/vergaderingen/bestaat-niet.ics")]
    [InlineData("/bestaat-niet/cijfers.csv")]
    public async Task UndeclaredFile_Is404(string url) =>
        Assert.Equal(HttpStatusCode.NotFound, (await Get(url)).StatusCode);

    [Fact]
    public async Task Sitemap_ListsEveryPageAndPublicationWithLastModified()
    {
        var response = await Get("/sitemap.xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());
        System.Xml.Linq.XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

        var urls = xml.Root!.Elements(ns + "url").ToDictionary(u => u.Element(ns + "loc")!.Value, u => u.Element(ns + "lastmod")!.Value);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        // After the meetings the page last changed with its status, on the day of the last meeting.
        Assert.Equal("2025-07-10", urls["http://localhost/perspectiefnota-2026-2029"]);
        Assert.Equal("2025-07-10", urls["http://localhost/"]);
        Assert.True(urls.ContainsKey("http://localhost/toegankelijkheid"));
        Assert.True(urls.ContainsKey("http://localhost/privacy"));
    }

    [Fact]
    public async Task Robots_PointsToTheSitemap()
    {
        var text = await Client.GetStringAsync(new Uri("/robots.txt", UriKind.Relative));

        Assert.Contains("Sitemap: http://localhost/sitemap.xml", text, StringComparison.Ordinal);
        Assert.Contains("User-agent: *", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityTxt_HasContactAndExpiryFromConfiguration()
    {
        var text = await Client.GetStringAsync(new Uri("/.well-known/security.txt", UriKind.Relative));

        Assert.Contains("Contact: mailto:security@almelo.nl\n", text, StringComparison.Ordinal);
        Assert.Contains("Expires: 2027-11-01T00:00:00Z\n", text, StringComparison.Ordinal);
        Assert.Contains("Canonical: http://localhost/.well-known/security.txt", text, StringComparison.Ordinal);
    }

    private static string Meta(AngleSharp.Html.Dom.IHtmlDocument document, string attribute, string name) =>
        document.QuerySelector($"meta[{attribute}='{name}']")?.GetAttribute("content") ?? throw new Xunit.Sdk.XunitException($"no meta {name}");
}
