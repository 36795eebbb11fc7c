using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Components.Pages;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Tests.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The English site over HTTP, on a snapshot whose Perspectiefnota has an English edition (the Dutch text marked
/// English: what the page does with an edition, not its words) and a second publication that is Dutch only.
/// </summary>
public sealed class EnglishSiteTests(EnglishSiteTests.Site site) : IClassFixture<EnglishSiteTests.Site>
{
    private const string Nota = "/" + ContentFixture.Slug;
    private const string DutchOnly = "alleen-nederlands";
    private const string Base = "http://localhost";

    private HttpClient Client => site.Client;

    /// <summary>Each page in English and its Dutch counterpart.</summary>
    public static TheoryData<string, string> Counterparts => new()
    {
        { "/en", "/" },
        { "/en/accessibility", "/toegankelijkheid" },
        { "/en/privacy", "/privacy" },
        { "/en" + Nota, Nota },
    };

    [Theory]
    [MemberData(nameof(Counterparts))]
    public async Task EnglishPage_IsEnglish_WithHreflangBothWays_TheSwitchAndTheNotice(string english, string dutch)
    {
        var response = await Client.GetAsync(new Uri(english, UriKind.Relative));
        var page = await Parse(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Hreflang(english, dutch), Alternates(page));
        Assert.Contains("en_GB", Meta(page, "og:locale"));
        Assert.Equal(["nl_NL"], Meta(page, "og:locale:alternate"));

        var link = Assert.Single(page.QuerySelectorAll("header nav.taalkeuze a"));
        Assert.Equal((dutch, "nl", "nl", "Nederlands"), (link.GetAttribute("href"), link.GetAttribute("lang"), link.GetAttribute("hreflang"), link.TextContent));
        var current = Assert.Single(page.QuerySelectorAll("header nav.taalkeuze [aria-current]"));
        Assert.Equal(("SPAN", "en", "English"), (current.TagName, current.GetAttribute("lang"), current.TextContent));

        var notice = Assert.Single(page.QuerySelectorAll("main p.vertaling-melding"));
        Assert.Equal("Translation. The official text is in Dutch.", notice.TextContent);
        var official = notice.QuerySelector("a")!;
        Assert.Equal((dutch, "nl"), (official.GetAttribute("href"), official.GetAttribute("hreflang")));
    }

    [Theory]
    [MemberData(nameof(Counterparts))]
    public async Task DutchPage_LinksItsEnglishCounterpart_WithoutANotice(string english, string dutch)
    {
        var page = await Client.Html(dutch);

        Assert.Equal("nl", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(Hreflang(english, dutch), Alternates(page));
        Assert.Equal(["en_GB"], Meta(page, "og:locale:alternate"));
        var link = Assert.Single(page.QuerySelectorAll("header nav.taalkeuze a"));
        Assert.Equal((english, "en", "en", "English"), (link.GetAttribute("href"), link.GetAttribute("lang"), link.GetAttribute("hreflang"), link.TextContent));
        Assert.Equal("Nederlands", page.QuerySelector("header nav.taalkeuze [aria-current]")!.TextContent);
        Assert.Empty(page.QuerySelectorAll(".vertaling-melding"));
    }

    [Theory]
    [InlineData("/en/unknown")]
    [InlineData("/en/a/b")]
    [InlineData("/en/accessibility/x")]
    [InlineData("/en/" + DutchOnly)]
    public async Task UnknownAddressUnderEn_GetsTheEnglishNotFoundPage(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var page = await Parse(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("This page does not exist", page.QuerySelector("h1")!.TextContent);
        Assert.NotNull(page.QuerySelector("main a[href='/en']"));
        Assert.Empty(page.QuerySelectorAll("nav.taalkeuze, link[hreflang]"));
    }

    [Fact]
    public async Task EnglishHome_ListsTheEnglishEditionsOnly_AndPointsToTheDutchList()
    {
        var english = await Client.Html("/en");
        var dutch = await Client.Html("/");

        Assert.Equal(["/en" + Nota], english.QuerySelectorAll(".publicaties h2 a").Select(a => a.GetAttribute("href")));
        var others = english.QuerySelector("main .publicaties-andere-taal")!;
        Assert.StartsWith("Other publications are in Dutch only.", others.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(("/", "nl"), (others.QuerySelector("a")!.GetAttribute("href"), others.QuerySelector("a")!.GetAttribute("hreflang")));

        Assert.Equal(["/" + DutchOnly, Nota], dutch.QuerySelectorAll(".publicaties h2 a").Select(a => a.GetAttribute("href")).Order(StringComparer.Ordinal));
        Assert.Null(dutch.QuerySelector(".publicaties-andere-taal"));
    }

    [Fact]
    public async Task EnglishFrame_LinksTheEnglishPages_AndWritesDatesInEnglish()
    {
        var page = await Client.Html("/en/privacy");

        Assert.Equal("/en", page.QuerySelector("header a.site-naam")!.GetAttribute("href"));
        Assert.Equal(["/en/accessibility", "/en/privacy"], page.QuerySelectorAll("footer nav a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["Accessibility", "Privacy and cookies"], page.QuerySelectorAll("footer nav a").Select(a => a.TextContent));
        Assert.Equal("About this website", page.QuerySelector("footer nav")!.GetAttribute("aria-label"));
        Assert.Equal("Skip to the content", page.QuerySelector("a.skiplink")!.TextContent);
        Assert.Equal(TextFormat.English.Date(Privacy.Reviewed), page.QuerySelectorAll("main time")[^1].TextContent);
        Assert.Equal("Privacy and cookies – Gemeente Almelo", page.Title);
    }

    [Theory]
    [InlineData("/", "en", "nl")]
    [InlineData("/en", "nl", "en")]
    [InlineData(Nota, "en-GB,en;q=0.9", "nl")]
    public async Task AcceptLanguage_NeverChangesTheAnswer_NorIsItInVary(string url, string acceptLanguage, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        var response = await Client.SendAsync(request);
        var page = await Parse(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(language, page.DocumentElement.GetAttribute("lang"));
        Assert.DoesNotContain(response.Headers.Vary, v => v.Equals("Accept-Language", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(response.Headers.Vary, v => v == "*");
    }

    [Fact]
    public async Task Sitemap_ListsEveryPageInEveryLanguage_WithItsAlternates()
    {
        var xml = XDocument.Parse(await Client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var urls = xml.Root!.Elements(ns + "url").ToDictionary(
            u => u.Element(ns + "loc")!.Value,
            u => u.Elements(xhtml + "link").ToDictionary(l => l.Attribute("hreflang")!.Value, l => l.Attribute("href")!.Value));

        foreach (var (english, dutch) in new[] { ("/en", "/"), ("/en/accessibility", "/toegankelijkheid"), ("/en/privacy", "/privacy"), ("/en" + Nota, Nota) })
        {
            Assert.Equal(Hreflang(english, dutch), urls[Base + english]);
            Assert.Equal(Hreflang(english, dutch), urls[Base + dutch]);
        }
        // A publication in Dutch only: its one address, no alternates.
        Assert.Empty(urls[Base + "/" + DutchOnly]);
        Assert.DoesNotContain(Base + "/en/" + DutchOnly, urls.Keys);
        Assert.All(xml.Root!.Elements(ns + "url"), u => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", u.Element(ns + "lastmod")!.Value));
    }

    private static Dictionary<string, string> Hreflang(string english, string dutch) =>
        new() { ["nl"] = Base + dutch, ["en"] = Base + english, ["x-default"] = Base + dutch };

    private static Dictionary<string, string> Alternates(IHtmlDocument page) =>
        page.QuerySelectorAll("head link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);

    private static List<string> Meta(IHtmlDocument page, string property) =>
        [.. page.QuerySelectorAll($"head meta[property='{property}']").Select(m => m.GetAttribute("content")!)];

    private static async Task<IHtmlDocument> Parse(HttpResponseMessage response) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    /// <summary>The site on a snapshot with an English edition of the Perspectiefnota and a Dutch-only publication.</summary>
    public sealed class Site : IDisposable
    {
        private readonly ContentFixture content = ContentFixture.Reference();
        private readonly PerspectiefFactory factory;

        public Site()
        {
            var reference = ReferenceNota.Content;
            var nota = ReferenceNota.Publication;
            var snapshot = reference with
            {
                Publications = [.. reference.Publications, nota with { Slug = DutchOnly }],
                Translations = [nota with { Language = SiteLanguage.English }],
            };
            factory = new PerspectiefFactory(content.Root);
            Host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
                services.Replace(ServiceDescriptor.Singleton<IContentSource>(new PageIdPropertyTests.SwappableContent(snapshot)))));
            Client = Host.CreateClient();
        }

        public WebApplicationFactory<Program> Host { get; }

        public HttpClient Client { get; }

        public void Dispose()
        {
            Client.Dispose();
            factory.Dispose();
            content.Dispose();
        }
    }
}

/// <summary>The shipped content as it is on main: no publication has an English edition yet.</summary>
public sealed class EnglishEditionAbsentTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/" + ContentFixture.Slug;

    [Fact]
    public async Task PublicationWithoutEnglish_HasNoEnglishPage_AndItsDutchPageNoSwitchNorHreflang()
    {
        var client = site.Factory.CreateClient();

        var english = await client.GetAsync(new Uri("/en" + Nota, UriKind.Relative));
        var dutch = await client.Html(Nota);

        Assert.Equal(HttpStatusCode.NotFound, english.StatusCode);
        Assert.Empty(dutch.QuerySelectorAll("nav.taalkeuze, link[hreflang], meta[property='og:locale:alternate'], .vertaling-melding"));
        // The site's own pages exist in both languages whatever the content.
        Assert.NotNull((await client.Html("/toegankelijkheid")).QuerySelector("nav.taalkeuze a[href='/en/accessibility']"));
    }
}
