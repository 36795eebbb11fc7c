using System.Diagnostics;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The per-pull-request folders of the preview site, as the content workflow keeps them with
/// .github/scripts/voorbeelden.sh: a preview never replaces another, and a number is never a path.
/// </summary>
public sealed class PreviewFoldersTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "almelo-voorbeelden-test", Guid.NewGuid().ToString("N"));

    private string Site => Path.Combine(root, "site");

    [Fact]
    public async Task Put_TwoPullRequests_EachKeepsItsOwnFolder_AndANewVersionReplacesOnlyItsOwn()
    {
        Assert.Equal(0, (await Run("zet", Site, "7", Export("eerste versie van 7"))).Exit);
        Assert.Equal(0, (await Run("zet", Site, "8", Export("versie van 8"))).Exit);
        Assert.Equal(0, (await Run("zet", Site, "7", Export("tweede versie van 7"))).Exit);

        Assert.Equal("tweede versie van 7", File.ReadAllText(Path.Combine(Site, "pr-7", "index.html")));
        Assert.Equal("versie van 8", File.ReadAllText(Path.Combine(Site, "pr-8", "index.html")));
        Assert.True(File.Exists(Path.Combine(Site, "pr-7", ".well-known", "security.txt")));
        Assert.Equal(["pr-7", "pr-8"], Directory.GetDirectories(Site).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal));
        Assert.Equal("User-agent: *\nDisallow: /\n", File.ReadAllText(Path.Combine(Site, "robots.txt")));
        var index = File.ReadAllText(Path.Combine(Site, "index.html"));
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"pr-7/\">Pull request 7</a>", index, StringComparison.Ordinal);
        Assert.Contains("<a href=\"pr-8/\">Pull request 8</a>", index, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ClosedPullRequest_LeavesTheOthers()
    {
        await Run("zet", Site, "7", Export("7"));
        await Run("zet", Site, "8", Export("8"));

        Assert.Equal(0, (await Run("weg", Site, "7")).Exit);

        Assert.False(Directory.Exists(Path.Combine(Site, "pr-7")));
        Assert.True(File.Exists(Path.Combine(Site, "pr-8", "index.html")));
        Assert.DoesNotContain("pr-7", File.ReadAllText(Path.Combine(Site, "index.html")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../7")]
    [InlineData("7/../../x")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("7 8")]
    public async Task Number_ThatIsNoPullRequestNumber_Exits2AndTouchesNothing(string number)
    {
        var (exit, error) = await Run("zet", Site, number, Export("x"));

        Assert.Equal(2, exit);
        Assert.Contains("is geen nummer van een pull request", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Site));
    }

    [Theory]
    [InlineData("https://almelo.github.io/perspectief", "url=https://almelo.github.io/perspectief/pr-7/")]
    [InlineData("https://voorbeeld.example/", "url=https://voorbeeld.example/pr-7/")]
    [InlineData("", "url=http://127.0.0.1:8080/")]
    public async Task Address_OfAPreview_IsItsFolderOnThePreviewSite(string baseUrl, string expected)
    {
        var (exit, output) = await Run("adres", baseUrl, "7");

        Assert.Equal(0, exit);
        Assert.Equal(expected + "\n", output);
    }

    private string Export(string text)
    {
        var folder = Path.Combine(root, "export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, ".well-known"));
        File.WriteAllText(Path.Combine(folder, "index.html"), text);
        File.WriteAllText(Path.Combine(folder, ".well-known", "security.txt"), "Contact: mailto:x@example.org");
        return folder;
    }

    /// <summary>Exit code, and standard output (or, when it failed, standard error).</summary>
    private static async Task<(int Exit, string Output)> Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ContentFixture.RepositoryRoot, ".github", "scripts", "voorbeelden.sh"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        return (process.ExitCode, process.ExitCode == 0 ? await output : await error);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
