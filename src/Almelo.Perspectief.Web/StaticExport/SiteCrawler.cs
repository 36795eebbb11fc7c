using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Almelo.Perspectief.Content.Loading;
using AngleSharp.Html.Parser;

namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// Reads the running site the way a reader's browser would, and finds every address it needs: the pages of the
/// sitemap and every page, download and asset they link to or load (<c>href</c>, <c>src</c>, <c>srcset</c>, the
/// import map, CSS <c>url()</c>, module imports, addresses in data attributes and in downloads). No list of pages
/// or assets is kept here, so that a new page, download or fingerprinted file is exported without a change.
/// </summary>
internal sealed partial class SiteCrawler(HttpClient client, Uri publicBase)
{
    private readonly Dictionary<string, (bool Required, string From)> seen = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> missing = new(StringComparer.Ordinal);
    private readonly Queue<string> queue = new();
    private readonly HashSet<string> skipped = new(StringComparer.Ordinal);

    /// <summary>Required addresses that did not answer 200: broken links or assets in the site itself.</summary>
    public List<string> Broken { get; } = [];

    /// <summary>
    /// Links to an address the site keeps for itself (<see cref="SiteRoutes"/>), each with the page that has it: never
    /// fetched, because a static copy must not answer <c>/health</c> or an error page as if it were one.
    /// </summary>
    public List<string> Skipped { get; } = [];

    /// <summary>
    /// Fetches the seeds and everything they lead to; a required address must answer 200, an optional one
    /// (a guess from a data attribute, a module import or a download) is left out when it does not.
    /// </summary>
    public async IAsyncEnumerable<Fetched> Crawl(IEnumerable<string> required, IEnumerable<string> optional, IEnumerable<string> notFoundPages)
    {
        foreach (var path in required)
        {
            Enqueue(path, true, "(start)");
        }
        foreach (var path in optional)
        {
            Enqueue(path, false, "(inhoud)");
        }

        // The 404 pages (one per language): an address the site does not have, kept under the name a static server
        // shows for every unknown address below its folder.
        foreach (var notFoundPage in notFoundPages)
        {
            using var response = await client.GetAsync(new Uri(notFoundPage, UriKind.Relative));
            if (response.StatusCode == HttpStatusCode.NotFound && ContentType(response).StartsWith("text/html", StringComparison.Ordinal))
            {
                var page = await Read(notFoundPage, response);
                seen[notFoundPage] = (true, "(start)");
                Discover(page);
                yield return page;
            }
            else
            {
                Broken.Add($"{notFoundPage}: de pagina 'niet gevonden' gaf {(int)response.StatusCode} in plaats van 404");
            }
        }

        while (queue.TryDequeue(out var path))
        {
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            if (response.StatusCode != HttpStatusCode.OK)
            {
                missing[path] = (int)response.StatusCode;
                if (seen[path] is { Required: true } link)
                {
                    Broken.Add($"{path} (gevonden in {link.From}): {(int)response.StatusCode}");
                }
                continue;
            }
            var fetched = await Read(path, response);
            Discover(fetched);
            yield return fetched;
        }
    }

    private static string ContentType(HttpResponseMessage response) => response.Content.Headers.ContentType?.ToString() ?? "application/octet-stream";

    private static async Task<Fetched> Read(string path, HttpResponseMessage response) =>
        new(path, ContentType(response), response.Content.Headers.ContentDisposition?.ToString(), await response.Content.ReadAsByteArrayAsync());

    private void Enqueue(string path, bool required, string from)
    {
        if (SiteRoutes.IsOperational(path))
        {
            // An optional guess (the island's data-eiland address) is no link a reader follows: left out silently.
            if (required && skipped.Add(path))
            {
                Skipped.Add($"{path} (gevonden in {from})");
            }
            return;
        }
        if (seen.TryGetValue(path, out var earlier))
        {
            if (required && !earlier.Required)
            {
                // Found as a guess first and now as a real link: a failure must now be reported.
                seen[path] = (true, from);
                if (missing.TryGetValue(path, out var status))
                {
                    Broken.Add($"{path} (gevonden in {from}): {status}");
                }
            }
            return;
        }
        seen[path] = (required, from);
        queue.Enqueue(path);
    }

    private void Discover(Fetched fetched)
    {
        var type = fetched.ContentType;
        var self = new Uri(publicBase, fetched.Path);
        if (type.StartsWith("text/html", StringComparison.Ordinal))
        {
            FromHtml(self, Encoding.UTF8.GetString(fetched.Bytes), fetched.Path);
        }
        else if (type.StartsWith("text/css", StringComparison.Ordinal))
        {
            FromCss(self, Encoding.UTF8.GetString(fetched.Bytes), fetched.Path);
        }
        else if (type.Contains("javascript", StringComparison.Ordinal))
        {
            foreach (Match match in ModuleImport().Matches(Encoding.UTF8.GetString(fetched.Bytes)))
            {
                var specifier = match.Groups["spec"].Value;
                if (specifier.StartsWith("./", StringComparison.Ordinal) || specifier.StartsWith("../", StringComparison.Ordinal) || specifier.StartsWith('/'))
                {
                    Add(self, specifier, required: false, fetched.Path);
                }
            }
        }
        else if (IsText(type))
        {
            var text = Encoding.UTF8.GetString(fetched.Bytes);
            if (type.Contains("xml", StringComparison.Ordinal) && text.Contains("http://www.sitemaps.org/schemas/sitemap/0.9", StringComparison.Ordinal))
            {
                foreach (var loc in XDocument.Parse(text).Descendants(XName.Get("loc", "http://www.sitemaps.org/schemas/sitemap/0.9")))
                {
                    Add(self, loc.Value.Trim(), required: true, fetched.Path);
                }
            }
            foreach (Match match in AbsoluteAddress().Matches(text))
            {
                Add(self, match.Value, required: false, fetched.Path);
            }
        }
    }

    private void FromHtml(Uri page, string html, string from)
    {
        var document = new HtmlParser().ParseDocument(html);
        var baseHref = document.QuerySelector("base[href]")?.GetAttribute("href");
        var baseUri = baseHref is null ? page : new Uri(page, baseHref);
        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                var name = attribute.Name;
                if (name is "href" or "src" or "poster")
                {
                    Add(baseUri, attribute.Value, required: true, from);
                }
                else if (name is "srcset" or "imagesrcset")
                {
                    foreach (var candidate in attribute.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    {
                        Add(baseUri, candidate.Split(' ', 2)[0], required: true, from);
                    }
                }
                else if (name == "style")
                {
                    FromCss(baseUri, attribute.Value, from);
                }
                else if (name.StartsWith("data-", StringComparison.Ordinal) || (name == "content" && element.LocalName == "meta"))
                {
                    // A script or a share card may name an address here (Chart.js, og:image); not every value is one.
                    Add(baseUri, attribute.Value, required: false, from);
                }
            }
            if (element.LocalName == "style")
            {
                FromCss(baseUri, element.TextContent, from);
            }
            else if (element.LocalName == "script" && element.GetAttribute("type") == "importmap")
            {
                FromImportMap(baseUri, element.TextContent, from);
            }
        }
    }

    private void FromImportMap(Uri baseUri, string json, string from)
    {
        using var map = JsonDocument.Parse(json);
        foreach (var property in map.RootElement.EnumerateObject())
        {
            if (property.Name == "imports")
            {
                foreach (var entry in property.Value.EnumerateObject())
                {
                    Add(baseUri, entry.Value.GetString() ?? string.Empty, required: true, from);
                }
            }
            else if (property.Name == "scopes")
            {
                foreach (var scope in property.Value.EnumerateObject())
                {
                    foreach (var entry in scope.Value.EnumerateObject())
                    {
                        Add(baseUri, entry.Value.GetString() ?? string.Empty, required: true, from);
                    }
                }
            }
        }
    }

    private void FromCss(Uri sheet, string css, string from)
    {
        foreach (Match match in CssAddress().Matches(css))
        {
            var value = match.Groups.Values.Skip(1).First(g => g.Success && g.Length > 0).Value;
            Add(sheet, value, required: true, from);
        }
    }

    /// <summary>Queues an address of this site; other sites, fragments of the same page, data: and mailto: are not files of the export.</summary>
    private void Add(Uri baseUri, string value, bool required, string from)
    {
        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.Any(char.IsWhiteSpace) || !Uri.TryCreate(baseUri, trimmed, out var address))
        {
            return;
        }
        if ((address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps) || !string.Equals(address.Authority, publicBase.Authority, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        // A static file cannot vary by query string: the address without it is what a static server can answer.
        Enqueue(address.AbsolutePath, required, from);
    }

    private static bool IsText(string type) =>
        type.StartsWith("text/", StringComparison.Ordinal) || type.Contains("json", StringComparison.Ordinal) || type.Contains("xml", StringComparison.Ordinal);

    [GeneratedRegex("""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]+))\s*\)|@import\s+(?:"([^"]+)"|'([^']+)')""")]
    private static partial Regex CssAddress();

    [GeneratedRegex("""(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?\(?\s*["'](?<spec>[^"'\s]+)["']""")]
    private static partial Regex ModuleImport();

    [GeneratedRegex("""https?://[^\s"'<>;\\)]+""")]
    private static partial Regex AbsoluteAddress();
}

/// <summary>One address as the site served it.</summary>
internal sealed record Fetched(string Path, string ContentType, string? ContentDisposition, byte[] Bytes);
