using System.Net;
using System.Net.Http.Headers;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Publication day: what shared caches may keep, validators and 304s, HEAD and Range, hosts, query strings, the island's fresh markup.</summary>
public sealed class DeliveryTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    public static TheoryData<string> Cacheable => new()
    {
        "/",
        Nota,
        Nota + "/cijfers.csv",
        Nota + "/cijfers.json",
        Nota + "/vergaderingen.ics",
        "/sitemap.xml",
        "/robots.txt",
        "/.well-known/security.txt",
    };

    private HttpClient Client => site.Factory.CreateClient();

    private Task<HttpResponseMessage> Send(HttpMethod method, string url, Action<HttpRequestHeaders>? headers = null)
    {
        var request = new HttpRequestMessage(method, new Uri(url, UriKind.Relative));
        headers?.Invoke(request.Headers);
        return Client.SendAsync(request);
    }

    [Theory]
    [MemberData(nameof(Cacheable))]
    public async Task Response_IsPublicForAShortLifetime_WithStaleDirectives_AndValidators(string url)
    {
        var response = await Client.GetAsync(new Uri(url, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl!;
        Assert.True(cache.Public, cache.ToString());
        Assert.False(cache.NoCache || cache.NoStore || cache.Private, cache.ToString());
        Assert.InRange(cache.MaxAge!.Value.TotalSeconds, 30, 3600);
        Assert.Contains(cache.Extensions, e => e.Name == "stale-while-revalidate" && int.Parse(e.Value!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains(cache.Extensions, e => e.Name == "stale-if-error" && int.Parse(e.Value!, System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [MemberData(nameof(Cacheable))]
    public async Task IfNoneMatch_WithTheCurrentETag_Gets304WithoutABody(string url)
    {
        var etag = (await Client.GetAsync(new Uri(url, UriKind.Relative))).Headers.ETag!;

        var response = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(etag));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task IfModifiedSince_NotBeforeLastModified_Gets304_AndAnOlderDateGetsThePage()
    {
        var lastModified = (await Client.GetAsync(new Uri(Nota, UriKind.Relative))).Content.Headers.LastModified!.Value;

        var same = await Send(HttpMethod.Get, Nota, h => h.IfModifiedSince = lastModified);
        var older = await Send(HttpMethod.Get, Nota, h => h.IfModifiedSince = lastModified.AddSeconds(-1));

        Assert.Equal(HttpStatusCode.NotModified, same.StatusCode);
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
    }

    [Fact]
    public async Task IfNoneMatch_WithAnotherETag_GetsTheWholePage()
    {
        var response = await Send(HttpMethod.Get, Nota, h => h.IfNoneMatch.Add(new EntityTagHeaderValue("\"oud\"", isWeak: true)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Perspectiefnota", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> Missing => new()
    {
        "/bestaat-niet",
        Nota + "/bron/bestaat-niet",
        Nota + "/vergaderingen/bestaat-niet.ics",
        Nota + "/bestaat-niet.pdf",
        "/onbekend/cijfers.csv",
    };

    [Theory]
    [MemberData(nameof(Missing))]
    public async Task ConditionalRequest_ForAnAddressThatDoesNotExist_Gets404(string url)
    {
        var etag = (await Client.GetAsync(new Uri("/", UriKind.Relative))).Headers.ETag!;
        var lastModified = (await Client.GetAsync(new Uri(Nota, UriKind.Relative))).Content.Headers.LastModified!.Value;

        var any = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(EntityTagHeaderValue.Any));
        var current = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(etag));
        var since = await Send(HttpMethod.Get, url, h => h.IfModifiedSince = lastModified);

        Assert.Equal(HttpStatusCode.NotFound, any.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, current.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, since.StatusCode);
        Assert.Contains("Deze pagina bestaat niet", await any.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(any.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(Cacheable))]
    public async Task IfNoneMatchAny_ForAnAddressThatExists_Gets304(string url)
    {
        var response = await Send(HttpMethod.Get, url, h => h.IfNoneMatch.Add(EntityTagHeaderValue.Any));

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [InlineData("Thu, 31 Dec 2099 00:00:00 GMT")]
    [InlineData("Sat, 28 Nov 2026 12:00:00 GMT")]
    public async Task IfModifiedSince_LaterThanNow_IsIgnored(string date)
    {
        var response = await Send(HttpMethod.Get, Nota, h => h.TryAddWithoutValidation("If-Modified-Since", date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Perspectiefnota", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Fri, 26 Nov 2026 12:00:00 GMT")]
    [InlineData("gisteren")]
    [InlineData("")]
    public async Task IfModifiedSince_Invalid_IsIgnored(string date)
    {
        var response = await Send(HttpMethod.Get, Nota, h => h.TryAddWithoutValidation("If-Modified-Since", date));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Cacheable))]
    public async Task NotModified_CarriesTheValidatorsAndVary_ButNoBodyOrItsHeaders(string url)
    {
        var etag = (await Client.GetAsync(new Uri(url, UriKind.Relative))).Headers.ETag!;

        var response = await Send(HttpMethod.Get, url, h =>
        {
            h.IfNoneMatch.Add(etag);
            h.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        });

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Equal(etag, response.Headers.ETag);
        Assert.Equal("public, max-age=30, stale-while-revalidate=30, stale-if-error=86400", response.Headers.CacheControl!.ToString());
        Assert.NotNull(response.Content.Headers.LastModified);
        Assert.Equal(["Accept-Encoding"], response.Headers.Vary);
        Assert.Null(response.Content.Headers.ContentType);
        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task EnhancedNavigationHeaders_GetTheSameCachedPage()
    {
        var plain = await (await Client.GetAsync(new Uri(Nota, UriKind.Relative))).Content.ReadAsStringAsync();

        var enhanced = await Send(HttpMethod.Get, Nota, h =>
        {
            h.TryAddWithoutValidation("blazor-enhanced-nav", "on");
            h.TryAddWithoutValidation("Accept", "text/html; blazor-enhanced-nav=on");
        });

        Assert.True(enhanced.Headers.Age.HasValue, "an enhanced-navigation request was rendered again");
        Assert.Equal(plain, await enhanced.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData(Nota)]
    [InlineData(Nota + "/cijfers.csv")]
    [InlineData(Nota + "/vergaderingen.ics")]
    [InlineData(Nota + "/bronnen/persbericht-2025-05-28.txt")]
    [InlineData("/_eiland/perspectiefnota-2026-2029/wetten")]
    [InlineData("/health")]
    [InlineData("/bestaat-niet")]
    [InlineData("/_blazor/negotiate?negotiateVersion=1")]
    public async Task NoResponse_SetsACookie_EvenWhenTheRequestBringsOne(string url)
    {
        var method = url.Contains("negotiate", StringComparison.Ordinal) ? HttpMethod.Post : HttpMethod.Get;

        var response = await Send(method, url, h => h.TryAddWithoutValidation("Cookie", ".AspNetCore.Antiforgery.x=CfDJ8abc; .AspNetCore.Culture=c=en"));

        Assert.True((int)response.StatusCode < 500, response.StatusCode.ToString());
        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : []));
    }

    [Theory]
    [MemberData(nameof(Cacheable))]
    public async Task Head_AnswersLikeGet(string url)
    {
        var get = await Client.GetAsync(new Uri(url, UriKind.Relative));

        var head = await Send(HttpMethod.Head, url);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
    }

    [Fact]
    public async Task FirstResponse_BeforeTheOutputCacheHasIt_HasAContentLength_NotChunks()
    {
        // A shared cache keeps a response as it came: a chunked first response would be served in chunks on every hit.
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root);
        var address = factory.StartOnRealPort();
        using var client = new HttpClient { BaseAddress = address };
        foreach (var url in new[] { Nota, Nota + "/cijfers.csv", Nota, "/sitemap.xml" })
        {
            foreach (var encoding in new[] { "br", "gzip", "identity" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var body = await response.Content.ReadAsByteArrayAsync();

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
                Assert.Equal(body.Length, response.Content.Headers.ContentLength);
            }
        }
    }

    [Fact]
    public async Task HeadOrConditionalRequest_ThatFillsTheCache_LeavesTheWholeResponseForTheNextGet()
    {
        // A real server: Kestrel itself drops the body of a HEAD and refuses one on a 304.
        using var content = ContentFixture.Reference();
        using var factory = new PerspectiefFactory(content.Root);
        var address = factory.StartOnRealPort();
        using var client = new HttpClient { BaseAddress = address };
        foreach (var (url, first) in new[] { (Nota, HttpMethod.Head), ("/sitemap.xml", HttpMethod.Head), (Nota + "/cijfers.csv", HttpMethod.Get), ("/", HttpMethod.Get) })
        {
            using var request = new HttpRequestMessage(first, new Uri(url, UriKind.Relative));
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
            if (first == HttpMethod.Get)
            {
                request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
            }
            using var filling = await client.SendAsync(request);
            using var get = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            get.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));

            using var response = await client.SendAsync(get);
            var body = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal(first == HttpMethod.Head ? HttpStatusCode.OK : HttpStatusCode.NotModified, filling.StatusCode);
            if (first == HttpMethod.Head)
            {
                Assert.True(filling.Content.Headers.ContentLength > 0, url);
                Assert.Equal(filling.Content.Headers.ContentLength, body.Length);
            }
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Headers.Age.HasValue, $"{url} was not kept by the output cache");
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.NotNull(response.Content.Headers.ContentType);
            Assert.True(body.Length > 100, url);
            Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        }
    }

    [Fact]
    public async Task Health_IsNeverStoredByAnyCache()
    {
        var response = await Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task NotFound_IsNotPublic()
    {
        var response = await Client.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.CacheControl?.Public ?? false);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task UnusedQueryStrings_ShareTheOneCachedPage()
    {
        var plain = await Client.GetAsync(new Uri(Nota, UriKind.Relative));

        var shared = await Client.GetAsync(new Uri(Nota + "?fbclid=IwAR" + Guid.NewGuid().ToString("N") + "&utm_source=facebook", UriKind.Relative));

        Assert.True(shared.Headers.Age.HasValue, "a link with ?fbclid= was rendered again instead of served from the cache");
        Assert.Equal(plain.Headers.ETag, shared.Headers.ETag);
        var canonical = (await Client.Html(Nota + "?fbclid=abc")).QuerySelector("link[rel=canonical]")!.GetAttribute("href")!;
        Assert.DoesNotContain("?", canonical, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnsatisfiableRange_Gets416_NotTheNotFoundPage()
    {
        var response = await Send(HttpMethod.Get, "/favicon.svg", h => h.Range = new RangeHeaderValue(1_000_000, null));

        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, response.StatusCode);
        Assert.DoesNotContain("bestaat niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a..b")]
    [InlineData("x:99999")]
    [InlineData(".leading")]
    public async Task HostThatNoAddressCanBeBuiltFrom_Gets400(string host)
    {
        foreach (var url in new[] { "/", Nota, "/sitemap.xml", Nota + "/vergaderingen.ics" })
        {
            var response = await Send(HttpMethod.Get, url, h => h.TryAddWithoutValidation("Host", host));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Fact]
    public async Task Page_DoesNotLoadBlazor_ButNamesItForTheStarter()
    {
        var document = await Client.Html(Nota);

        Assert.DoesNotContain(document.QuerySelectorAll("script[src]"), s => s.GetAttribute("src")!.Contains("blazor.web", StringComparison.Ordinal));
        var starter = Assert.Single(document.QuerySelectorAll("script[data-blazor]"));
        Assert.Equal("module", starter.GetAttribute("type"));
        Assert.Matches(@"^_framework/blazor\.web\.[a-z0-9]{10}\.js$", starter.GetAttribute("data-blazor"));
        Assert.Equal("/_eiland/perspectiefnota-2026-2029/wetten", document.QuerySelector("#wetten")!.GetAttribute("data-eiland"));
    }

    [Fact]
    public async Task Island_IsRenderedFreshWithADescriptor_AndNeverCached()
    {
        var first = await Client.GetAsync(new Uri("/_eiland/perspectiefnota-2026-2029/wetten", UriKind.Relative));
        var second = await Client.GetStringAsync(new Uri("/_eiland/perspectiefnota-2026-2029/wetten", UriKind.Relative));
        var html = await first.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(first.Headers.CacheControl!.NoStore);
        Assert.StartsWith("<!--Blazor:{\"type\":\"server\"", html, StringComparison.Ordinal);
        Assert.Contains("\"descriptor\":", html, StringComparison.Ordinal);
        Assert.Contains("Jeugdwet", html, StringComparison.Ordinal);
        Assert.NotEqual(html, second);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri("/_eiland/bestaat-niet/wetten", UriKind.Relative))).StatusCode);
    }
}

/// <summary>Validators follow the content: a saved edit, once read, gives a new ETag.</summary>
public sealed class DeliveryLifecycleTests : IDisposable
{
    private readonly ContentFixture content = ContentFixture.Reference();

    [Fact]
    public async Task ContentEdit_GivesANewETag_AndTheOldOneNoLongerGets304()
    {
        using var factory = new PerspectiefFactory(content.Root);
        var client = factory.CreateClient();
        var before = (await client.GetAsync(new Uri("/perspectiefnota-2026-2029", UriKind.Relative))).Headers.ETag!;

        content.Replace(ContentFixture.Slug + "/cijfers.json", "\"waarde\": 49000", "\"waarde\": 49500");
        factory.Store.Reload();

        var after = (await client.GetAsync(new Uri("/perspectiefnota-2026-2029", UriKind.Relative))).Headers.ETag!;
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/perspectiefnota-2026-2029", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(before);
        var response = await client.SendAsync(request);
        Assert.NotEqual(before, after);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("49.500", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public void Dispose() => content.Dispose();
}
