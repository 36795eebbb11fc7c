using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary><c>dotnet Almelo.Perspectief.Web.dll validate [DIR]</c>, run as the real program.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly ContentFixture content = ContentFixture.Reference();

    private static Task<(int Exit, string Output, string Error)> Validate(params string[] arguments) =>
        WebProgram.Run(TimeSpan.FromSeconds(60), ["validate", .. arguments]);

    [Fact]
    public async Task Validate_ValidContent_ExitsZero()
    {
        var (exit, output, _) = await Validate(content.Root);

        Assert.Equal(0, exit);
        Assert.Contains("is in orde: 1 publicatie(s), geen fouten.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenContent_ExitsOneAndPrintsEveryErrorOnItsOwnLine()
    {
        content.Replace(ContentFixture.Slug + "/cijfers.json", "\"waarde\": 49000", "\"waarde\": -49000")
            .Replace(ContentFixture.Slug + "/tekst.md", "op 1 juli 2025 en beslist", "op woensdag 1 juli 2025 en beslist");

        var (exit, output, error) = await Validate(content.Root);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                $"perspectiefnota-2026-2029/cijfers.json:{content.LineOf(ContentFixture.Slug + "/cijfers.json", "-49000")}:7: Het cijfer 'banen-2024' kan niet negatief zijn.",
                $"perspectiefnota-2026-2029/tekst.md:{content.LineOf(ContentFixture.Slug + "/tekst.md", "woensdag 1 juli")}:35: 'woensdag 1 juli' klopt niet: 1 juli 2025 is een dinsdag. Verbeter de dag of de datum.",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2 fout(en) gevonden", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_FolderThatDoesNotExist_ExitsTwo()
    {
        var (exit, _, error) = await Validate(Path.Combine(content.Root, "bestaat-niet"));

        Assert.Equal(2, exit);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithoutFolder_ChecksTheConfiguredContentPath()
    {
        var (exit, output, _) = await Validate($"--Content:Path={content.Root}");

        Assert.Equal(0, exit);
        Assert.Contains(content.Root, output, StringComparison.Ordinal);
    }

    public void Dispose() => content.Dispose();
}
