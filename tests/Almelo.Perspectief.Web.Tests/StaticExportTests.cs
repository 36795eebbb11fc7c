using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Addresses;
using AngleSharp.Html.Parser;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The shipped content and the test fixtures, each exported by the real program, served from a static file server
/// and compared with the live site on the same content and base address.
/// </summary>
public sealed class ExportedSites : IAsyncLifetime
{
    public const string Shipped = "ingebouwd";
    public const string Fixtures = "fixtures";

    private readonly ContentFixture fixtures = ContentFixture.Reference();

    public Dictionary<string, ExportedSite> Sites { get; } = [];

    public async Task InitializeAsync()
    {
        using (var extra = ContentFixture.FromFixture("kort-nieuws"))
        {
            CopyDirectory(extra.Root, fixtures.PathOf("kort-nieuws"));
        }
        Sites[Shipped] = await ExportedSite.Of(ContentFixture.LiveContent);
        Sites[Fixtures] = await ExportedSite.Of(fixtures.Root);
    }

    public async Task DisposeAsync()
    {
        foreach (var site in Sites.Values)
        {
            await site.DisposeAsync();
        }
        fixtures.Dispose();
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }
}

/// <summary>One content folder: its export, the export served statically, and the live site.</summary>
public sealed class ExportedSite : IAsyncDisposable
{
    private ExportedSite(string content, ExportRun export, StaticSite files, PerspectiefFactory live)
    {
        Content = content;
        Export = export;
        Files = files;
        Live = live;
        Static = new HttpClient { BaseAddress = files.Address };
        LiveClient = live.CreateClient();
    }

    public string Content { get; }

    public ExportRun Export { get; }

    public StaticSite Files { get; }

    public PerspectiefFactory Live { get; }

    public HttpClient Static { get; }

    public HttpClient LiveClient { get; }

    public static async Task<ExportedSite> Of(string content)
    {
        var export = await ExportRun.Of(content);
        if (export.Exit != 0)
        {
            throw new InvalidOperationException($"The export of {content} failed: {export}");
        }
        var live = new PerspectiefFactory(content, now: DateTimeOffset.UtcNow).WithSetting("Site:BaseUrl", ExportRun.BaseUrl);
        return new ExportedSite(content, export, await StaticSite.Serve(export.Output), live);
    }

    public async ValueTask DisposeAsync()
    {
        Static.Dispose();
        LiveClient.Dispose();
        await Files.DisposeAsync();
        await Live.DisposeAsync();
        Export.Dispose();
    }
}

public sealed partial class StaticExportTests(ExportedSites sites) : IClassFixture<ExportedSites>
{
    public static readonly TheoryData<string> Contents = new([ExportedSites.Shipped, ExportedSites.Fixtures]);

    [Theory]
    [MemberData(nameof(Contents))]
    public void Export_ExitsZeroAndPrintsWhatItWrote(string name)
    {
        var export = sites.Sites[name].Export;

        Assert.Equal(0, export.Exit);
        Assert.Contains("  / -> index.html (", export.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  /404.html -> 404.html (", export.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Klaar: ", export.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Let op", export.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_EverySitemapPage_ShowsTheLiveSitesText(string name)
    {
        var site = sites.Sites[name];
        var addresses = await SitemapAddresses(site.LiveClient);
        Assert.Contains("/", addresses);
        Assert.True(addresses.Count >= 4, string.Join(", ", addresses));

        foreach (var address in addresses)
        {
            var live = await site.LiveClient.GetAsync(new Uri(address, UriKind.Relative));
            var exported = await site.Static.GetAsync(new Uri(address, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
            Assert.StartsWith("text/html", exported.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
            Assert.Equal(VisibleText(await live.Content.ReadAsStringAsync()), VisibleText(await exported.Content.ReadAsStringAsync()));
        }
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void Export_EveryPage_SaysInItsFooterOnWhichDayItWasMade(string name)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var sentences = new Dictionary<string, string> { ["nl"] = "Deze pagina is gemaakt op ", ["en"] = "This page was made on " };

        foreach (var file in Directory.EnumerateFiles(sites.Sites[name].Export.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(file));
            var language = Almelo.Perspectief.Content.Model.SiteLanguage.FromCode(page.DocumentElement.GetAttribute("lang"))!;
            var format = Almelo.Perspectief.Content.Formatting.TextFormat.For(language);
            var made = page.QuerySelector("footer .exportdatum")?.TextContent;
            Assert.True(made is not null, $"{file}: geen datum in de voettekst");
            Assert.StartsWith(sentences[language.Code], made, StringComparison.Ordinal);
            Assert.Contains(new[] { today.AddDays(-1), today, today.AddDays(1) }, d => made.Contains(format.Date(d), StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_EveryDownload_HasTheLiveSitesBytes(string name)
    {
        var site = sites.Sites[name];
        var content = ContentLoader.Load(site.Content).Snapshot!;
        var downloads = content.Publications.SelectMany(p => new[] { RouteTable.FiguresCsv.Path(p), RouteTable.FiguresJson.Path(p), RouteTable.Calendar.Path(p) }
                .Concat(p.Meetings.Select(m => RouteTable.MeetingCalendar.Path(p, m)))
                .Concat(p.Files.Select(f => RouteTable.File.Path(p, f)))
                .Concat(p.Charts.SelectMany(c => new[] { RouteTable.ChartSvg.Path(p, c), RouteTable.ChartPng.Path(p, c) }))
                .Append(RouteTable.ShareImage.Path(p)))
            .Concat(["/sitemap.xml", "/robots.txt", "/.well-known/security.txt"])
            .ToList();
        Assert.Contains(downloads, d => d.EndsWith(".txt", StringComparison.Ordinal) && d.Contains("/bronnen/", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.EndsWith("/grafiek/groei-banen.svg", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.EndsWith("/grafiek/groei-banen.png", StringComparison.Ordinal));
        Assert.Contains(downloads, d => d.EndsWith("/deelafbeelding.png", StringComparison.Ordinal));

        var served = 0;
        foreach (var address in downloads)
        {
            var live = await site.LiveClient.GetAsync(new Uri(address, UriKind.Relative));
            var exported = await site.Static.GetAsync(new Uri(address, UriKind.Relative));
            // What the live site does not serve (or no longer serves) the export does not have either.
            Assert.True(exported.StatusCode == live.StatusCode, $"{address}: live {live.StatusCode}, export {exported.StatusCode}");
            if (live.StatusCode != HttpStatusCode.OK)
            {
                continue;
            }
            served++;
            Assert.Equal(live.Content.Headers.ContentType!.ToString(), exported.Content.Headers.ContentType!.ToString());
            Assert.Equal(live.Content.Headers.ContentDisposition?.ToString(), exported.Content.Headers.ContentDisposition?.ToString());
            var liveBytes = await live.Content.ReadAsByteArrayAsync();
            var exportedBytes = await exported.Content.ReadAsByteArrayAsync();
            if (address.EndsWith(".ics", StringComparison.Ordinal))
            {
                // DTSTAMP is the moment the calendar was made: the only part that must differ.
                Assert.Equal(WithoutTimestamps(liveBytes), WithoutTimestamps(exportedBytes));
            }
            else
            {
                Assert.True(liveBytes.AsSpan().SequenceEqual(exportedBytes), $"{address} differs from the live site");
            }
        }
        Assert.True(served >= 6, $"Only {served} downloads served");
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_UnknownAddress_GetsTheNotFoundPage(string name)
    {
        var site = sites.Sites[name];

        var response = await site.Static.GetAsync(new Uri("/bestaat-niet/echt-niet", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var live = await site.LiveClient.GetAsync(new Uri("/bestaat-niet/echt-niet", UriKind.Relative));
        Assert.Equal(VisibleText(await live.Content.ReadAsStringAsync()), VisibleText(await response.Content.ReadAsStringAsync()));
        Assert.Contains("Deze pagina bestaat niet", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_EnglishPages_AreAtTheirAddresses_AndAnUnknownEnglishAddressGetsTheEnglishNotFoundPage(string name)
    {
        var site = sites.Sites[name];

        foreach (var (address, file) in new[] { ("/en", "en/index.html"), ("/en/accessibility", "en/accessibility/index.html"), ("/en/privacy", "en/privacy/index.html") })
        {
            Assert.Contains($"  {address} -> {file} (", site.Export.StandardOutput, StringComparison.Ordinal);
            var page = new HtmlParser().ParseDocument(await site.Static.GetStringAsync(new Uri(address, UriKind.Relative)));
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        }
        Assert.Contains("  /en/404.html -> en/404.html (", site.Export.StandardOutput, StringComparison.Ordinal);

        var response = await site.Static.GetAsync(new Uri("/en/does-not-exist", UriKind.Relative));
        var live = await site.LiveClient.GetAsync(new Uri("/en/does-not-exist", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(VisibleText(await live.Content.ReadAsStringAsync()), VisibleText(await response.Content.ReadAsStringAsync()));
        Assert.Contains("This page does not exist", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_LinkCheck_FindsNoBrokenInternalLinkOrAsset(string name)
    {
        var site = sites.Sites[name];
        var origin = new Uri(ExportRun.BaseUrl);
        var links = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(site.Export.Output, "*.html", SearchOption.AllDirectories))
        {
            var page = "/" + Path.GetRelativePath(site.Export.Output, file).Replace('\\', '/');
            var document = new HtmlParser().ParseDocument(await File.ReadAllTextAsync(file));
            var baseUri = new Uri(new Uri(origin, page), document.QuerySelector("base")?.GetAttribute("href") ?? page);
            foreach (var element in document.All)
            {
                foreach (var attribute in element.Attributes.Where(a => a.Name is "href" or "src" or "srcset" or "data-script"))
                {
                    foreach (var value in attribute.Name == "srcset" ? attribute.Value.Split(',').Select(c => c.Trim().Split(' ')[0]) : [attribute.Value])
                    {
                        if (Uri.TryCreate(baseUri, value, out var target) && target.Authority == origin.Authority && target.Scheme.StartsWith("http", StringComparison.Ordinal))
                        {
                            links.TryAdd(target.AbsolutePath, page);
                        }
                    }
                }
            }
        }
        foreach (var css in Directory.EnumerateFiles(site.Export.Output, "*.css", SearchOption.AllDirectories))
        {
            var sheet = new Uri(origin, "/" + Path.GetRelativePath(site.Export.Output, css).Replace('\\', '/'));
            foreach (Match match in CssUrl().Matches(await File.ReadAllTextAsync(css)))
            {
                if (!match.Groups[1].Value.StartsWith("data:", StringComparison.Ordinal) && !match.Groups[1].Value.StartsWith('#'))
                {
                    links.TryAdd(new Uri(sheet, match.Groups[1].Value).AbsolutePath, sheet.AbsolutePath);
                }
            }
        }
        Assert.Contains(links.Keys, l => l.StartsWith("/lib/chart.js/", StringComparison.Ordinal));

        var broken = new List<string>();
        foreach (var (link, from) in links)
        {
            var response = await site.Static.GetAsync(new Uri(link, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                broken.Add($"{link} (in {from}): {(int)response.StatusCode}");
            }
        }
        Assert.True(broken.Count == 0, string.Join(Environment.NewLine, broken));
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void Export_Pages_DoNotLoadWhatStartsACircuit(string name)
    {
        var pages = Directory.EnumerateFiles(sites.Sites[name].Export.Output, "*.html", SearchOption.AllDirectories).ToList();

        Assert.NotEmpty(pages);
        Assert.All(pages, page => Assert.DoesNotContain("_framework/blazor", File.ReadAllText(page), StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public void Export_Files_HoldNoAddressTheSiteKeepsForItself(string name)
    {
        var files = Directory.EnumerateFiles(sites.Sites[name].Export.Output, "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(sites.Sites[name].Export.Output, f).Replace('\\', '/'))
            .ToList();

        Assert.NotEmpty(files);
        Assert.DoesNotContain(files, SiteRoutes.IsOperational);
    }

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task Export_Manifest_DescribesEveryFileAndItsCompressedCopies(string name)
    {
        var output = sites.Sites[name].Export.Output;
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "export-manifest.json")));
        var files = manifest.RootElement.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(ExportRun.BaseUrl + "/", manifest.RootElement.GetProperty("baseUrl").GetString());
        Assert.Matches("^[0-9a-f]{12}$", manifest.RootElement.GetProperty("contentVersion").GetString());

        var listed = new HashSet<string>(StringComparer.Ordinal) { "export-manifest.json" };
        foreach (var file in files)
        {
            var path = file.GetProperty("file").GetString()!;
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, path));
            listed.Add(path);
            Assert.Equal(file.GetProperty("bytes").GetInt64(), bytes.LongLength);
            Assert.Equal(file.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(bytes)));
            if (file.TryGetProperty("encodings", out var encodings))
            {
                foreach (var encoding in encodings.EnumerateObject())
                {
                    var compressed = Path.Combine(output, encoding.Value.GetString()!);
                    listed.Add(encoding.Value.GetString()!);
                    Assert.Equal(bytes, Decompress(encoding.Name, await File.ReadAllBytesAsync(compressed)));
                }
            }
        }
        Assert.Contains(files, f => f.GetProperty("file").GetString() == "index.html" && f.GetProperty("encodings").TryGetProperty("br", out _));
        var onDisk = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'));
        Assert.Equal(listed.Order(StringComparer.Ordinal), onDisk.Order(StringComparer.Ordinal));
    }

    private static async Task<List<string>> SitemapAddresses(HttpClient client)
    {
        var xml = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        return xml.Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")).Select(l => new Uri(l.Value).AbsolutePath).ToList();
    }

    /// <summary>What a reader sees: the title and the text of the body, whitespace collapsed.</summary>
    public static string VisibleText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // The export's footer says when the copy was made; the live site has no such line.
        foreach (var hidden in document.QuerySelectorAll("script, style, template, .exportdatum").ToList())
        {
            hidden.Remove();
        }
        return Whitespace().Replace(document.Title + "\n" + document.Body!.TextContent, " ").Trim();
    }

    private static string WithoutTimestamps(byte[] calendar) =>
        string.Join("\n", Encoding.UTF8.GetString(calendar).Split("\r\n").Where(l => !l.StartsWith("DTSTAMP", StringComparison.Ordinal)));

    private static byte[] Decompress(string encoding, byte[] bytes)
    {
        using var input = new MemoryStream(bytes);
        using Stream stream = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        stream.CopyTo(output);
        return output.ToArray();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("""url\(\s*["']?([^"')\s]+)["']?\s*\)""")]
    private static partial Regex CssUrl();
}

/// <summary>
/// tools/export/serve.py, the documented way to look at an export on one's own computer (review m14: Python's own
/// server redirected every page to a trailing slash and showed its own 404 page).
/// </summary>
public sealed class ExportServeScriptTests(ExportedSites sites) : IClassFixture<ExportedSites>
{
    [Fact]
    public async Task ServeScript_PageWithoutSlash_200WithoutRedirect_UnknownAddress_The404OfItsLanguage()
    {
        var port = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(ContentFixture.RepositoryRoot, "tools", "export", "serve.py"), sites.Sites[ExportedSites.Shipped].Export.Output, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        using var server = System.Diagnostics.Process.Start(start)!;
        try
        {
            using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            await Http.Eventually(async () => await Answers(client), up => up, TimeSpan.FromSeconds(20));

            var page = await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative));
            var missing = await client.GetAsync(new Uri("/bestaat-niet", UriKind.Relative));

            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<h1", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("Deze pagina bestaat niet", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            // Below /en/ the English 404 page, as nginx's error_page in location /en/.
            var english = await client.GetAsync(new Uri("/en", UriKind.Relative));
            var missingInEnglish = await client.GetAsync(new Uri("/en/does-not-exist", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, english.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, missingInEnglish.StatusCode);
            Assert.Contains("This page does not exist", await missingInEnglish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
    }

    private static async Task<bool> Answers(HttpClient client)
    {
        try
        {
            return (await client.GetAsync(new Uri("/", UriKind.Relative))).StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
