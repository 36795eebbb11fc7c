using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// docs/deployment.md serves the export with the live site's headers: its nginx lines must stay equal to what the app
/// sends. docs/nginx/perspectief-proxy.conf, the one nginx configuration in front of the site, keys its cache on the
/// encoding it chose.
/// </summary>
public sealed partial class DeploymentDocTests
{
    private static readonly string[] SecurityHeaders =
    [
        "Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
        "Cross-Origin-Opener-Policy", "Cross-Origin-Embedder-Policy", "Cross-Origin-Resource-Policy", "Strict-Transport-Security",
    ];

    [Fact]
    public async Task NginxHeaderSnippet_EqualsTheHeadersOfTheLiveSite()
    {
        var documented = HeaderLine().Matches(await File.ReadAllTextAsync(Path.Combine(ContentFixture.RepositoryRoot, "docs", "deployment.md")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.OrdinalIgnoreCase);
        using var content = ContentFixture.Reference();
        await using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("Site:BaseUrl", "https://perspectief.almelo.nl");
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://perspectief.almelo.nl") });

        using var response = await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative));

        foreach (var name in SecurityHeaders)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"The live site sends no {name}");
            Assert.True(documented.TryGetValue(name, out var value), $"docs/deployment.md has no add_header {name}");
            Assert.Equal(string.Join(", ", values), value);
        }
        Assert.All(documented.Keys, name => Assert.Contains(name, SecurityHeaders, StringComparer.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("gzip, deflate, br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("gzip, deflate, br, x1-4f2a9c", "br")]
    [InlineData("br", "br")]
    [InlineData("gzip;q=0.5, br;q=0.1", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("BR ; Q=0.000, gzip", "gzip")]
    [InlineData("gzip, deflate", "gzip")]
    [InlineData("x-gzip", "gzip")]
    [InlineData("brotli, xbr, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "")]
    [InlineData("deflate, zstd", "")]
    [InlineData("identity", "")]
    [InlineData("", "")]
    public async Task NginxProxyConf_KeysOnTheEncodingItChose_NeverOnTheRawHeader(string acceptEncoding, string chosen)
    {
        var doc = await File.ReadAllTextAsync(NginxProxyConf);

        var brotli = NginxMap(doc, "perspectief_br", acceptEncoding);
        var gzip = NginxMap(doc, "perspectief_gzip", acceptEncoding);

        Assert.Equal(chosen, NginxMap(doc, "perspectief_encoding", brotli + gzip));
        Assert.Contains("proxy_set_header Accept-Encoding $perspectief_encoding;", doc, StringComparison.Ordinal);
        Assert.Contains("proxy_ignore_headers Vary;", doc, StringComparison.Ordinal);
        Assert.Contains("$perspectief_encoding", Assert.Single(CacheKeyLine().Matches(doc)).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NginxProxyConf_IsTheOnlyCopy_DocsAndBenchUseIt()
    {
        var deployment = await File.ReadAllTextAsync(Path.Combine(ContentFixture.RepositoryRoot, "docs", "deployment.md"));
        var proxyScripts = new[] { "cdn.sh", "scale-out.sh" }.Select(name => Path.Combine(ContentFixture.RepositoryRoot, "bench", name));

        Assert.Contains("](nginx/perspectief-proxy.conf)", deployment, StringComparison.Ordinal);
        Assert.DoesNotContain("proxy_pass", deployment, StringComparison.Ordinal);
        Assert.Contains("/docs/nginx/perspectief-proxy.conf", await File.ReadAllTextAsync(Path.Combine(ContentFixture.RepositoryRoot, "bench", "lib.sh")), StringComparison.Ordinal);
        foreach (var script in proxyScripts)
        {
            var text = await File.ReadAllTextAsync(script);
            Assert.Contains("bench_proxy_conf ", text, StringComparison.Ordinal);
            Assert.DoesNotContain("proxy_pass", text, StringComparison.Ordinal);
        }
    }

    private static string NginxProxyConf => Path.Combine(ContentFixture.RepositoryRoot, "docs", "nginx", "perspectief-proxy.conf");

    /// <summary>What an nginx <c>map</c> block of the configuration gives for an input: exact strings, then regexes in order, then the default.</summary>
    private static string NginxMap(string doc, string variable, string input)
    {
        var lines = doc[doc.IndexOf($" ${variable} {{", StringComparison.Ordinal)..].Split('\n').Skip(1).TakeWhile(line => line.Trim() != "}");
        var entries = lines.Select(line => MapEntry().Match(line)).Where(m => m.Success)
            .Select(m => (Key: m.Groups["key"].Value.Trim('"'), Value: m.Groups["value"].Value.Trim('"'))).ToList();
        var exact = entries.FirstOrDefault(e => !e.Key.StartsWith('~') && e.Key != "default" && e.Key == input);
        if (exact.Key is not null)
        {
            return exact.Value;
        }
        foreach (var (key, value) in entries.Where(e => e.Key.StartsWith('~')))
        {
            var options = key.StartsWith("~*", StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
            if (Regex.IsMatch(input, key.TrimStart('~', '*'), options | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return value;
            }
        }
        return entries.Single(e => e.Key == "default").Value;
    }

    [GeneratedRegex("""^\s*(?<key>"[^"]*"|\S+)\s+(?<value>"[^"]*"|[^\s;]+);""")]
    private static partial Regex MapEntry();

    [GeneratedRegex("""^\s*proxy_cache_key .*$""", RegexOptions.Multiline)]
    private static partial Regex CacheKeyLine();

    /// <summary>The unindented <c>add_header</c> lines: the snippet file, not the per-location extras.</summary>
    [GeneratedRegex("""^add_header (?<name>[A-Za-z-]+) "(?<value>[^"]*)" always;$""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
