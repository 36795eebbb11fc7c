using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>docs/deployment.md serves the export with the live site's headers: its nginx lines must stay equal to what the app sends.</summary>
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

    /// <summary>The unindented <c>add_header</c> lines: the snippet file, not the per-location extras.</summary>
    [GeneratedRegex("""^add_header (?<name>[A-Za-z-]+) "(?<value>[^"]*)" always;$""", RegexOptions.Multiline)]
    private static partial Regex HeaderLine();
}
