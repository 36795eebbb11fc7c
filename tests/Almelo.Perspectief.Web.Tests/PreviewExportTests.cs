using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.StaticExport;
using AngleSharp.Html.Parser;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The shipped content exported once as the preview of a pull request, in the folder /pr-7/ of a shared site.</summary>
public sealed class PreviewExport : IAsyncLifetime
{
    public const string Address = "https://x.example/pr-7/";

    public ExportRun Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Run = await ExportRun.Of(ContentFixture.LiveContent, $"--voorbeeld={Address}");
        if (Run.Exit != 0)
        {
            throw new InvalidOperationException($"The preview export failed: {Run}");
        }
    }

    public Task DisposeAsync()
    {
        Run.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>
/// A preview that nobody can take for the site (issue 22, probe E6): every page says so, no search engine may read it,
/// its canonical links name the real site, and it stays inside its own folder of the shared preview site.
/// </summary>
public sealed class PreviewExportTests(PreviewExport preview) : IClassFixture<PreviewExport>
{
    private IEnumerable<(string Address, AngleSharp.Html.Dom.IHtmlDocument Page)> Pages() =>
        Directory.EnumerateFiles(preview.Run.Output, "*.html", SearchOption.AllDirectories).Select(file =>
        {
            var relative = Path.GetRelativePath(preview.Run.Output, file).Replace('\\', '/');
            var address = "/pr-7/" + (relative.EndsWith("index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative);
            return (address, new HtmlParser().ParseDocument(File.ReadAllText(file)));
        });

    [Fact]
    public void Preview_EveryPage_SaysItIsAPreview_IsNoindex_AndHasItsCanonicalOnTheRealSite()
    {
        var warnings = new Dictionary<string, string> { ["nl"] = "Voorbeeld: dit is niet de echte website.", ["en"] = "Preview: this is not the real website." };
        var pages = Pages().ToList();
        Assert.True(pages.Count >= 5, string.Join(", ", pages.Select(p => p.Address)));

        foreach (var (address, page) in pages)
        {
            Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
            var banner = page.QuerySelector("main .voorbeeld-melding");
            Assert.True(banner is not null, $"{address}: geen melding dat dit een voorbeeld is");
            Assert.StartsWith(warnings[page.DocumentElement.GetAttribute("lang")!], banner.TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(ExportRun.BaseUrl + "/", banner.QuerySelector("a")!.GetAttribute("href"));
            if (page.QuerySelector("link[rel=canonical]")?.GetAttribute("href") is { } canonical)
            {
                Assert.StartsWith(ExportRun.BaseUrl + "/", canonical, StringComparison.Ordinal);
            }
        }
        Assert.Contains(pages, p => p.Page.QuerySelector("link[rel=canonical]") is not null);
    }

    [Fact]
    public void Preview_RobotsTxt_DisallowsEverything()
    {
        Assert.Equal("User-agent: *\nDisallow: /\n", File.ReadAllText(Path.Combine(preview.Run.Output, "robots.txt")));
    }

    [Fact]
    public void Preview_WithBasePath_NoLinkEscapesTheFolder_AndEachLeadsToAnExportedFile()
    {
        var folder = new Uri(PreviewExport.Address);
        var checkedLinks = 0;
        foreach (var (address, page) in Pages())
        {
            var self = new Uri(folder, address);
            var baseHref = page.QuerySelector("base[href]")?.GetAttribute("href");
            Assert.Equal("/pr-7/", baseHref);
            var resolveFrom = new Uri(self, baseHref);
            foreach (var element in page.All)
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "action" or "poster" || a.Name.StartsWith("data-", StringComparison.Ordinal)))
                {
                    var value = attribute.Value.Trim();
                    if (value.Length == 0 || value.StartsWith('#') || !(value.StartsWith('/') || value.Contains('/', StringComparison.Ordinal) || value.Contains('.', StringComparison.Ordinal))
                        || !Uri.TryCreate(resolveFrom, value, out var target) || target.Authority != folder.Authority)
                    {
                        continue;
                    }
                    Assert.True(target.AbsolutePath.StartsWith("/pr-7/", StringComparison.Ordinal), $"{address}: {attribute.Name}=\"{value}\" leidt naar {target.AbsolutePath}, buiten /pr-7/");
                    if (attribute.Name.StartsWith("data-", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    var inside = target.AbsolutePath["/pr-7".Length..];
                    var file = ExportFolder.FileFor(inside, html: !Path.HasExtension(inside)) ?? "index.html";
                    Assert.True(File.Exists(Path.Combine(preview.Run.Output, file)), $"{address}: {attribute.Name}=\"{value}\" heeft geen bestand ({file})");
                    checkedLinks++;
                }
            }
        }
        Assert.True(checkedLinks > 50, $"only {checkedLinks} links checked");
    }

    [Theory]
    [InlineData("--voorbeeld=ftp://x.example/pr-7/")]
    [InlineData("--voorbeeld=https://x.example/pr-7/?a=b")]
    [InlineData("--voorbeeld=pr-7")]
    public async Task Export_WrongPreviewAddress_Exits2BeforeWritingAnything(string flag)
    {
        using var content = ContentFixture.Reference();
        var output = ExportRun.NewFolder();

        var (exit, _, error) = await ExportRun.InProcess("Development", "export", output, $"--Content:Path={content.Root}", $"--Site:BaseUrl={ExportRun.BaseUrl}", flag);

        Assert.Equal(2, exit);
        Assert.StartsWith("--voorbeeld= moet één keer het webadres van het voorbeeld geven", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Theory]
    [InlineData("https://x.example/pr-7", "/pr-7/")]
    [InlineData("https://x.example/", "/")]
    public void PreviewAddress_Folder_EndsWithASlash(string address, string folder)
    {
        Assert.Equal(folder, PreviewAddress.Parse(address)!.Folder);
    }

    [Fact]
    public void PreviewAddress_MoveIntoFolder_MovesRootAddressesOnly()
    {
        var preview = PreviewAddress.Parse("https://x.example/pr-7/")!;

        var moved = preview.MoveIntoFolder("""<base href="/"><a href="/a">a</a> <a href="//cdn.example/x">b</a> <img src='/b.png' data-x="/c"> <a href="https://x.example/d">d</a> <a href="e">e</a>""");

        Assert.Equal("""<base href="/pr-7/"><a href="/pr-7/a">a</a> <a href="//cdn.example/x">b</a> <img src='/pr-7/b.png' data-x="/pr-7/c"> <a href="https://x.example/d">d</a> <a href="e">e</a>""", moved);
    }
}
