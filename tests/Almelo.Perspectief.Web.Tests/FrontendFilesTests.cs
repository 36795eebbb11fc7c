using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// Building and running the site needs only the .NET SDK: Chart.js and the MudBlazor rules the site uses are committed,
/// written by the maintainers' tool in tools/frontend (npm). These tests say when that tool is due to run again, and
/// keep npm out of the build.
/// </summary>
public sealed partial class FrontendFilesTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private static readonly string Root = ContentFixture.RepositoryRoot;
    private static readonly string WebProject = Path.Combine(Root, "src", "Almelo.Perspectief.Web");

    [Fact]
    public void Build_RunsNoNodeTool()
    {
        var buildFiles = Directory.EnumerateFiles(Path.Combine(Root, "src"), "*.*proj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Root, "Directory.*"))
            .ToList();

        Assert.Contains(buildFiles, path => path.EndsWith("Almelo.Perspectief.Web.csproj", StringComparison.Ordinal));
        Assert.All(buildFiles, path =>
        {
            var project = XDocument.Load(path);
            Assert.DoesNotContain(project.Descendants().Where(e => e.Name.LocalName == "Exec"), exec => NodeTool().IsMatch((string?)exec.Attribute("Command") ?? ""));
            Assert.DoesNotContain("node_modules", project.ToString(), StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData("Dockerfile")]
    [InlineData(".github/workflows/content.yml")]
    public void SiteBuild_InstallsNoNode(string file)
    {
        var text = File.ReadAllText(Path.Combine(Root, file));

        Assert.DoesNotMatch(NodeTool(), text);
        Assert.DoesNotContain("nodejs", text, StringComparison.Ordinal);
    }

    [Fact]
    public void VendoredChartJs_IsTheVersionInTheToolsLockFile()
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "tools", "frontend", "package-lock.json")));
        var locked = lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/chart.js").GetProperty("version").GetString();
        var script = File.ReadAllText(Path.Combine(WebProject, "wwwroot", "lib", "chart.js", "chart.umd.min.js"));

        Assert.Equal(locked, ChartJsBanner().Match(script).Groups["version"].Value);
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(WebProject, "wwwroot", "lib", "chart.js", "LICENSE.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void PurgedMudBlazorRules_AreFromTheMudBlazorTheSiteRunsOn()
    {
        var firstLine = File.ReadLines(Path.Combine(WebProject, "Styles", "mudblazor.used.css")).First();
        var running = typeof(MudBlazor.MudContainer).Assembly.GetName().Version!.ToString(3);

        Assert.Equal(running, MudBlazorHeader().Match(firstLine).Groups["version"].Value);
    }

    [Fact]
    public async Task ChartJsLicenceFile_IsNotOneOfTheSitesFiles()
    {
        var client = site.Factory.CreateClient();

        using var script = await client.GetAsync(new Uri("/lib/chart.js/chart.umd.min.js", UriKind.Relative));
        using var licence = await client.GetAsync(new Uri("/lib/chart.js/LICENSE.md", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, licence.StatusCode);
    }

    /// <summary>A command that runs Node.js or one of its package managers.</summary>
    [GeneratedRegex(@"\b(npm|npx|node|yarn|pnpm)\b")]
    private static partial Regex NodeTool();

    [GeneratedRegex(@"^/\*!\s*\n\s*\*\s*Chart\.js v(?<version>\S+)")]
    private static partial Regex ChartJsBanner();

    [GeneratedRegex(@"^/\* MudBlazor (?<version>\S+):")]
    private static partial Regex MudBlazorHeader();
}
