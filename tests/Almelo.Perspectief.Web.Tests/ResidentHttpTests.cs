using System.Net.Http.Headers;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Residents over HTTP: the site pages, one heading outline per page, and a fast, compressed, cached site.</summary>
public sealed class ResidentHttpTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    private HttpClient Client => site.Factory.CreateClient();

    public static TheoryData<string> Pages => new() { "/", Nota, "/toegankelijkheid", "/privacy", "/bestaat-niet", "/en", "/en/accessibility", "/en/privacy", "/en/bestaat-niet" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_HasOneH1AndNoSkippedHeadingLevels(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.TagName[1] - '0').ToList();
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.Equal(1, levels[0]);
        for (var i = 1; i < levels.Count; i++)
        {
            Assert.True(levels[i] <= levels[i - 1] + 1, $"{url}: h{levels[i - 1]} is followed by h{levels[i]}");
        }
    }

    [Fact]
    public async Task AccessibilityStatement_FollowsTheDutchModel_AndIsLinkedFromTheFooter()
    {
        var home = await Client.Html("/");
        var statement = await Client.Html("/toegankelijkheid");
        var text = statement.Body!.TextContent;

        Assert.NotNull(home.QuerySelector("footer a[href='/toegankelijkheid']"));
        Assert.Equal("Toegankelijkheidsverklaring", statement.QuerySelector("h1")!.TextContent);
        foreach (var part in new[] { "Besluit digitale toegankelijkheid overheid", "WCAG 2.2", "Status:", "Wat hebben we getest", "Wat is nog niet goed?", "Een probleem melden", "5 werkdagen", "Nationale ombudsman" })
        {
            Assert.Contains(part, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/toegankelijkheid")]
    [InlineData("/privacy")]
    [InlineData("/en/accessibility")]
    [InlineData("/en/privacy")]
    public async Task SitePages_GiveNoContactDetailsTheSourcesDoNotGive_ButSayWhereToLook(string url)
    {
        var page = await Client.Html(url);
        var text = page.Body!.TextContent;

        Assert.Empty(page.QuerySelectorAll("a[href^='tel:']"));
        Assert.DoesNotMatch(@"\b14 ?0546\b", text);
        // The site's contact block (site.json), not the editorial rule behind it.
        Assert.DoesNotContain("geen telefoonnummer", text, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main .contact a[href='https://www.almelo.nl/']"));
        // The reference content has no English site.json: an English page says where to ask in Dutch, marked so.
        Assert.Equal(url.StartsWith("/en/", StringComparison.Ordinal) ? "nl" : null, page.QuerySelector("main .contact")!.GetAttribute("lang"));
    }

    [Fact]
    public async Task PrivacyPage_SaysThereAreNoTrackingCookies_AndIsLinkedFromTheFooter()
    {
        var home = await Client.Html("/");
        var privacy = await Client.Html("/privacy");

        Assert.NotNull(home.QuerySelector("footer a[href='/privacy']"));
        Assert.Contains("geen cookies", privacy.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    [InlineData("/toegankelijkheid")]
    public async Task Pages_SetNoCookies(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : []));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Page_IsSentCompressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Nota);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));

        var response = await Client.SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.InRange(bytes.Length, 1_000, 30_000);
    }

    [Fact]
    public async Task Page_IsServedFromTheCacheTheSecondTime()
    {
        await Client.GetAsync(new Uri(Nota, UriKind.Relative));

        var second = await Client.GetAsync(new Uri(Nota, UriKind.Relative));

        Assert.True(second.Headers.Age.HasValue, "the second response did not come from the output cache");
    }

    [Fact]
    public async Task Health_IsNeverCached()
    {
        await Client.GetAsync(new Uri("/health", UriKind.Relative));

        var second = await Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.False(second.Headers.Age.HasValue);
    }

    [Fact]
    public async Task Page_LinksItsOwnAssetsByFingerprintedAddress_WhichTheBuildCachesForAYear()
    {
        var document = await Client.Html(Nota);
        var assets = new[]
        {
            document.QuerySelectorAll("script[src]").Select(l => l.GetAttribute("src")!).Single(h => h.StartsWith("js/anchors.", StringComparison.Ordinal)),
            document.QuerySelector("script[data-blazor]")!.GetAttribute("data-blazor")!,
            document.QuerySelectorAll("script[src]").Select(l => l.GetAttribute("src")!).Single(h => h.StartsWith("js/site.", StringComparison.Ordinal)),
            document.QuerySelector("canvas[data-script]")!.GetAttribute("data-script")!,
        };
        // The endpoints that MapStaticAssets serves, with their headers, as the build wrote them
        // (the test host runs in Development, which turns caching off; a Release publish serves these headers).
        using var manifest = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Almelo.Perspectief.Web.staticwebassets.endpoints.json")));
        var endpoints = manifest.RootElement.GetProperty("Endpoints").EnumerateArray().ToList();

        foreach (var asset in assets)
        {
            Assert.Matches(@"\.[a-z0-9]{10}\.(css|js)$", asset);
            var headers = endpoints.Where(e => e.GetProperty("Route").GetString() == asset)
                .SelectMany(e => e.GetProperty("ResponseHeaders").EnumerateArray())
                .Where(h => h.GetProperty("Name").GetString() == "Cache-Control")
                .Select(h => h.GetProperty("Value").GetString())
                .Distinct();
            Assert.Equal(["max-age=31536000, immutable"], headers);
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_FetchesEveryScriptAtLowPriority_SoThatNoneIsAheadOfTheFirstPaint(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

        var scripts = document.QuerySelectorAll("script[src]").ToList();
        Assert.NotEmpty(scripts);
        Assert.All(scripts, s => Assert.Equal("low", s.GetAttribute("fetchpriority")));
    }

    [Fact]
    public async Task Home_DoesNotLoadChartJs()
    {
        var html = await Client.GetStringAsync(new Uri("/", UriKind.Relative));

        Assert.DoesNotContain("chart.js", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("chart.umd", html, StringComparison.OrdinalIgnoreCase);
    }
}
