using System.Net;
using Almelo.Perspectief.Web.Hosting;
using Microsoft.Extensions.Primitives;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Caches key on what the site chose (one of three encodings, the route's letter case), never on what a client made up.</summary>
public sealed class CanonicalRequestTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";
    private const string Attachment = Nota + "/bronnen/persbericht-2025-05-28.txt";

    private HttpClient Client => site.Factory.CreateClient(new() { AllowAutoRedirect = false });

    private Task<HttpResponseMessage> Get(string url, string? acceptEncoding = null, HttpMethod? method = null)
    {
        // Absolute: a relative "//x" would be another host, not a path with an empty segment.
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, new Uri("http://localhost" + url));
        if (acceptEncoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        }
        return Client.SendAsync(request);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("*;q=0, gzip;q=0.1", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("gzip;q=0.5, br;q=0.9", "br")]
    [InlineData("gzip, br;q=0.001", "gzip")]
    [InlineData("identity;q=1, br;q=0.5", "")]
    [InlineData("identity, br", "br")]
    [InlineData("*", "br")]
    [InlineData("BR", "br")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("deflate, zstd, compress", "")]
    [InlineData("br;q=0, gzip;q=0", "")]
    [InlineData("br, br;q=0", "br")]
    [InlineData("br;q=2, gzip", "gzip")]
    [InlineData("br;;;q=x, gzip;q=abc, ,,, identity", "")]
    [InlineData("gzip, deflate, br, x1-4f2a9c", "br")]
    public void ChooseEncoding_FollowsTheQualityValues_AndIgnoresUnknownCodings(string? header, string chosen) =>
        Assert.Equal(chosen, CanonicalRequests.ChooseEncoding(header is null ? StringValues.Empty : new StringValues(header)));

    [Theory]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, *", "gzip")]
    [InlineData("gzip;q=1, br;q=0.5", "gzip")]
    [InlineData("identity;q=1, br;q=0.5", null)]
    [InlineData("gzip, deflate, br, zstd", "br")]
    public async Task Page_IsSentInTheEncodingTheQualityValuesChoose(string header, string? encoding)
    {
        var response = await Get(Nota, header);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
    }

    [Theory]
    [InlineData(Nota)]
    [InlineData(Nota + "/cijfers.csv")]
    [InlineData(Attachment)]
    public async Task UniqueAcceptEncodingValues_GetTheOneCachedCopyOfTheirChosenEncoding(string url)
    {
        var plain = await Get(url, "gzip, deflate, br");

        var misses = 0;
        for (var i = 0; i < 12; i++)
        {
            var unique = Guid.NewGuid().ToString("N");
            var (header, encoding) = (i % 3) switch
            {
                0 => ($"gzip, deflate, br, x{i}-{unique}", "br"),
                1 => ($"gzip;q=0.{(i % 9) + 1}, x{i}-{unique}", "gzip"),
                _ => ($"x{i}-{unique}, identity", (string?)null),
            };
            var response = await Get(url, header);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Equal(plain.Headers.ETag, response.Headers.ETag);
            misses += response.Headers.Age.HasValue ? 0 : 1;
        }

        // At most one render each for gzip and identity (br was cached by the first request): not one per header.
        Assert.InRange(misses, 0, 2);
    }

    [Theory]
    [InlineData("/TOEGANKELIJKHEID", "/toegankelijkheid")]
    [InlineData("/Privacy", "/privacy")]
    [InlineData(Nota + "/Cijfers.Json", Nota + "/cijfers.json")]
    [InlineData(Nota + "/CIJFERS.CSV", Nota + "/cijfers.csv")]
    [InlineData(Nota + "/VERGADERINGEN.ICS", Nota + "/vergaderingen.ics")]
    [InlineData(Nota + "/BRON/persbericht", Nota + "/bron/persbericht")]
    [InlineData("/ROBOTS.TXT", "/robots.txt")]
    [InlineData("/Sitemap.xml", "/sitemap.xml")]
    [InlineData("/.WELL-KNOWN/SECURITY.TXT", "/.well-known/security.txt")]
    [InlineData("/privacy/", "/privacy")]
    [InlineData(Nota + "//cijfers.csv", Nota + "/cijfers.csv")]
    [InlineData("/EN", "/en")]
    [InlineData("/en/", "/en")]
    [InlineData("/En/Accessibility", "/en/accessibility")]
    [InlineData("/en/privacy/", "/en/privacy")]
    public async Task OtherSpelling_OfTheSitesOwnAddress_IsAPermanentRedirectThatNoSharedCacheKeeps(string url, string canonical)
    {
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Head })
        {
            var response = await Get(url + "?utm_source=x", method: method);

            Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
            Assert.Equal(canonical, response.Headers.Location?.OriginalString);
            Assert.False(response.Headers.CacheControl?.Public ?? false);
            Assert.True(response.Headers.CacheControl?.Private);
        }
        Assert.Equal(HttpStatusCode.OK, (await Get(canonical)).StatusCode);
    }

    [Theory]
    [InlineData("/Perspectiefnota-2026-2029")]
    [InlineData("/PERSPECTIEFNOTA-2026-2029/cijfers.csv")]
    [InlineData(Nota + "/bron/PERSBERICHT")]
    [InlineData(Nota + "/bronnen/Persbericht-2025-05-28.txt")]
    public async Task OtherLetterCase_OfAPublicationOrAFile_IsNotFound(string url)
    {
        var response = await Get(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("//TOEGANKELIJKHEID")]
    [InlineData("//aanvaller.example/BRON/x")]
    [InlineData("/%2Faanvaller.example/BRON/x")]
    [InlineData("/%5Caanvaller.example/BRON/x")]
    public async Task LetterCaseRedirect_NeverPointsToAnotherHost(string url)
    {
        var response = await Get(url);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        if (response.Headers.Location is { } location)
        {
            Assert.False(location.IsAbsoluteUri, location.OriginalString);
            Assert.Matches("^/[^/\\\\]", location.OriginalString);
        }
    }
}
