using System.IO.Compression;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The pages load only the MudBlazor rules they use: the build purges MudBlazor's stylesheet (PurgeCSS, see
/// purgecss.config.cjs) into css/mudblazor.used.css. No class a page uses may have been purged.
/// </summary>
public sealed partial class MudBlazorStylesheetTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/" + ContentFixture.Slug;
    private const string FullStylesheet = "/_content/MudBlazor/MudBlazor.min.css";

    /// <summary>Every public page: the publication, its press-release page, the text pages and the 404 page.</summary>
    private static readonly string[] Pages = ["/", Nota, Nota + "/bron/persbericht", "/toegankelijkheid", "/privacy", "/bestaat-niet"];

    private HttpClient Client => site.Factory.CreateClient();

    [Fact]
    public async Task EveryMudClassOnEveryPage_IsASelectorInTheServedStylesheet()
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        string? stylesheet = null;
        foreach (var page in Pages)
        {
            var response = await Client.GetAsync(new Uri(page, UriKind.Relative));
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var links = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
            Assert.DoesNotContain(links, href => href.Contains("MudBlazor.min.css", StringComparison.Ordinal));
            var href = Assert.Single(links, h => h.StartsWith("css/mudblazor.used.", StringComparison.Ordinal));
            Assert.True(stylesheet is null || stylesheet == href, $"{page} links {href}, another page {stylesheet}");
            stylesheet = href;
            // A <style> element is not rendered: MudThemeProvider marks its inline variables with a class of its own.
            foreach (var element in document.All.Where(e => e.LocalName != "style"))
            {
                used.UnionWith(element.ClassList.Where(c => c.StartsWith("mud-", StringComparison.Ordinal)));
            }
        }

        var selectors = MudClassSelector().Matches(await Client.GetStringAsync(new Uri("/" + stylesheet, UriKind.Relative)))
            .Select(m => m.Groups["class"].Value).ToHashSet(StringComparer.Ordinal);

        // The pages use MudContainer (with its width and gutters) and MudPaper: an empty set would prove nothing.
        Assert.Superset(new SortedSet<string> { "mud-container", "mud-container--gutters", "mud-container-maxwidth-lg", "mud-container-maxwidth-md", "mud-paper", "mud-paper-outlined" }, used);
        Assert.All(used, c => Assert.True(selectors.Contains(c), $"The pages use .{c}, which the purged MudBlazor stylesheet no longer has"));
    }

    [Fact]
    public async Task PurgedStylesheet_IsServedCompressedAndImmutable_AndIsAFractionOfTheFullOne()
    {
        using var content = ContentFixture.Reference();
        // As published: a build manifest (what the tests run on) makes MapStaticAssets turn caching off for hot reload
        // unless ReloadStaticAssetsAtRuntime says otherwise; a publish manifest serves the headers the build wrote.
        await using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("ReloadStaticAssetsAtRuntime", "false");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") });
        var href = (await client.Html(Nota)).QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Single(h => h.StartsWith("css/mudblazor.used.", StringComparison.Ordinal));
        Assert.Matches(@"^css/mudblazor\.used\.[a-z0-9]{10}\.css$", href);

        using var response = await client.GetAsync(new Uri("/" + href, UriKind.Relative));
        var purged = await response.Content.ReadAsByteArrayAsync();
        var full = await Client.GetByteArrayAsync(new Uri(FullStylesheet, UriKind.Relative));

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        // Measured with MudBlazor 9.12.0: 4,335 bytes raw and 886 brotli as published, against 627,417 and 42,547 for the full stylesheet.
        Assert.InRange(purged.Length, 1_000, 16_000);
        Assert.InRange(Brotli(purged), 200, 4_000);
        Assert.True(full.Length > 500_000, $"the full MudBlazor stylesheet is {full.Length} bytes");
        Assert.True(purged.Length * 50 < full.Length, $"purged {purged.Length} bytes against {full.Length} for the full stylesheet");

        // The build also writes its compressed forms (the Development host serves them from the build's own folder).
        using var request = new HttpRequestMessage(HttpMethod.Get, "/" + href);
        request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
        using var compressed = await Client.SendAsync(request);
        Assert.Equal("br", Assert.Single(compressed.Content.Headers.ContentEncoding));
        Assert.InRange((await compressed.Content.ReadAsByteArrayAsync()).Length, 200, 4_000);
    }

    private static int Brotli(byte[] bytes)
    {
        using var compressed = new MemoryStream();
        using (var brotli = new BrotliStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            brotli.Write(bytes);
        }
        return (int)compressed.Length;
    }

    /// <summary>A MudBlazor class in a selector (MudBlazor's class names all start with mud-).</summary>
    [GeneratedRegex(@"\.(?<class>mud-[A-Za-z0-9_-]+)")]
    private static partial Regex MudClassSelector();
}
