using System.IO.Compression;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;
using AngleSharp.Html.Dom;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// Every page carries the site's one stylesheet inline: the MudBlazor rules it uses (Styles/mudblazor.used.css, purged
/// from MudBlazor's stylesheet by tools/frontend) and app.css, minified at first use. No class a page uses may have been
/// purged, so these tests say when <c>npm run styles</c> is due; and no stylesheet request may block the first paint.
/// </summary>
public sealed partial class SiteStylesTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/" + ContentFixture.Slug;
    private const string FullStylesheet = "/_content/MudBlazor/MudBlazor.min.css";

    /// <summary>Every public page: the publication, its press-release page, the text pages and the 404 page.</summary>
    private static readonly string[] Pages = ["/", Nota, Nota + "/bron/persbericht", "/toegankelijkheid", "/privacy", "/bestaat-niet"];

    private HttpClient Client => site.Factory.CreateClient();

    [Fact]
    public async Task EveryPage_CarriesTheSameStylesheetInline_AndLinksNone()
    {
        string? first = null;
        foreach (var page in Pages)
        {
            var document = await Html(page);
            Assert.Empty(document.QuerySelectorAll("link[rel=stylesheet]"));
            var css = SiteStylesheet(document);
            Assert.True(first is null || first == css, $"{page} carries another stylesheet than {Pages[0]}");
            first = css;
        }
        // Both parts are in it: MudBlazor's container and the site's own colours.
        Assert.Contains(".mud-container", first, StringComparison.Ordinal);
        Assert.Contains("--rood:", first, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMudClassOnEveryPage_IsASelectorInTheInlineStylesheet()
    {
        var used = new SortedSet<string>(StringComparer.Ordinal);
        var selectors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var page in Pages)
        {
            var document = await Html(page);
            selectors.UnionWith(MudClassSelector().Matches(SiteStylesheet(document)).Select(m => m.Groups["class"].Value));
            // A <style> element is not rendered: MudThemeProvider marks its inline variables with a class of its own.
            foreach (var element in document.All.Where(e => e.LocalName != "style"))
            {
                used.UnionWith(element.ClassList.Where(c => c.StartsWith("mud-", StringComparison.Ordinal)));
            }
        }

        // The pages use MudContainer (with its width and gutters) and MudPaper: an empty set would prove nothing.
        Assert.Superset(new SortedSet<string> { "mud-container", "mud-container--gutters", "mud-container-maxwidth-lg", "mud-container-maxwidth-md", "mud-paper", "mud-paper-outlined" }, used);
        Assert.All(used, c => Assert.True(selectors.Contains(c), $"The pages use .{c}, which the purged MudBlazor rules no longer have"));
    }

    [Fact]
    public async Task InlineStylesheet_IsAFractionOfMudBlazors_AndThePageStaysWithinTheFirstRoundTrip()
    {
        var css = SiteStylesheet(await Html(Nota));
        var full = await Client.GetByteArrayAsync(new Uri(FullStylesheet, UriKind.Relative));

        // Measured with MudBlazor 9.12.0: 17,605 bytes minified (about 4,370 of them MudBlazor's), 3,920 brotli,
        // against 627,417 and 42,547 for MudBlazor's full stylesheet.
        Assert.True(full.Length > 500_000, $"the full MudBlazor stylesheet is {full.Length} bytes");
        Assert.InRange(css.Length, 5_000, 30_000);
        Assert.InRange(Brotli(System.Text.Encoding.UTF8.GetBytes(css)), 1_000, 7_000);
        // Minified: no comments but MudBlazor's licence line, and no indented lines.
        Assert.Single(CssComment().Matches(css));
        Assert.DoesNotContain("\n    ", css, StringComparison.Ordinal);

        // The page as a phone gets it (brotli) fits TCP's first flight of ten segments (14,600 bytes) with its headers.
        using var request = new HttpRequestMessage(HttpMethod.Get, Nota);
        request.Headers.AcceptEncoding.Add(new System.Net.Http.Headers.StringWithQualityHeaderValue("br"));
        using var response = await Client.SendAsync(request);
        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
        var body = (await response.Content.ReadAsByteArrayAsync()).Length;
        Assert.True(body < 13_600, $"the page is {body} bytes brotli");
    }

    [Fact]
    public void StyleElement_CannotBeEndedByTheStylesheet()
    {
        var element = Almelo.Perspectief.Web.Components.Layout.SiteStyles.Element.Value;
        Assert.StartsWith("<style>", element, StringComparison.Ordinal);
        Assert.EndsWith("</style>", element, StringComparison.Ordinal);
        Assert.Equal(1, Regex.Count(element, "</", RegexOptions.None, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Minified_UnclosedRule_ThrowsInsteadOfDroppingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Almelo.Perspectief.Web.Components.Layout.SiteStyles.Minified(".kop{color:red"));

        Assert.Contains("Unexpected end of file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThemeVariables_EveryOneTheStylesheetUsesIsOnThePage_AndFewOthers()
    {
        var document = await Html(Nota);
        var theme = document.QuerySelector("style.mud-theme-provider")!.TextContent;
        var declared = ThemeDeclaration().Matches(theme).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        var used = VariableReference().Matches(SiteStylesheet(document)).Select(m => m.Groups["name"].Value)
            .Where(name => name.StartsWith("--mud-", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, declared));
        // MudBlazor 9.12.0 writes 210 variables; the pages use 37 of them.
        Assert.InRange(declared.Count, used.Count, 60);
    }

    [Fact]
    public void ThemeVariables_KeepsTheUsedOnesWithWhatTheyReferTo_AndEveryOtherLine()
    {
        const string Theme = ":root{\n--a: 1px;\n--b: var(--c);\n--c: red;\n--d: blue;\n--e: var(--d);\n}";

        var kept = Almelo.Perspectief.Web.Components.Layout.AlmeloThemeProvider.Used(
            Theme, Almelo.Perspectief.Web.Components.Layout.AlmeloThemeProvider.References(".x{margin:var(--a);color:var( --b)}"));

        Assert.Equal(":root{\n--a: 1px;\n--b: var(--c);\n--c: red;\n}", kept);
    }

    private async Task<IHtmlDocument> Html(string page)
    {
        using var response = await Client.GetAsync(new Uri(page, UriKind.Relative));
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The site's stylesheet: the first style element in the head (MudThemeProvider writes its own in the body).</summary>
    private static string SiteStylesheet(IHtmlDocument document) =>
        Assert.IsAssignableFrom<AngleSharp.Dom.IElement>(document.Head!.QuerySelector(":scope > style")).TextContent;

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

    [GeneratedRegex(@"^\s*(?<name>--[A-Za-z0-9_-]+)\s*:", RegexOptions.Multiline)]
    private static partial Regex ThemeDeclaration();

    [GeneratedRegex(@"var\(\s*(?<name>--[A-Za-z0-9_-]+)")]
    private static partial Regex VariableReference();

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CssComment();
}
