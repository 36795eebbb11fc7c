using System.Diagnostics;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The one walk of the content tree (<see cref="ContentTree"/>) and what the loader makes of it: a link anywhere is a
/// located error found before any file is read, the walk is bounded and cancellable, and hidden and swap files are
/// not content.
/// </summary>
public sealed class ContentTreeTests : IDisposable
{
    private const string Bronnen = ContentFixture.Slug + "/bronnen";
    private const string LinkAdvice = "De site volgt geen snelkoppelingen: zet het bestand of de map zelf hier neer, of haal de snelkoppeling weg.";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private static void MakeFifo(string path)
    {
        using var mkfifo = Process.Start("mkfifo", path);
        mkfifo.WaitForExit();
    }

    /// <summary>The errors of a load, which must finish within the time bound and never throw.</summary>
    private IReadOnlyList<ContentError> LoadErrors()
    {
        var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);
        Assert.True(elapsed < HostileContentTests.TimeBound, $"Loading took {elapsed.TotalSeconds:0.0} s.");
        Assert.Null(result.Snapshot);
        return result.Errors;
    }

    [Fact]
    public void Load_TwoLinksUpInBronnen_IsALocatedErrorForEachAndReturnsPromptly()
    {
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/a"), "..");
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/b"), "..");

        Assert.Equal(
            [
                $"{Bronnen}/a:1:1: '{Bronnen}/a' is een snelkoppeling (symlink). {LinkAdvice}",
                $"{Bronnen}/b:1:1: '{Bronnen}/b' is een snelkoppeling (symlink). {LinkAdvice}",
            ],
            LoadErrors().Select(e => e.ToString()));
    }

    [Fact]
    public void Load_LinkToASystemFolder_IsALocatedError()
    {
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/extern"), "/usr");

        var error = Assert.Single(LoadErrors());

        Assert.Equal((Bronnen + "/extern", 1, 1), (error.File, error.Line, error.Column));
        Assert.Contains("snelkoppeling", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LinkInAnUndeclaredFolder_IsAnError()
    {
        content.Write(ContentFixture.Slug + "/notities/lees-mij.txt", "niet aangemeld");
        File.CreateSymbolicLink(content.PathOf(ContentFixture.Slug + "/notities/wachtwoorden"), "/etc/passwd");

        Assert.Equal(ContentFixture.Slug + "/notities/wachtwoorden", Assert.Single(LoadErrors()).File);
    }

    [Fact]
    public void Load_BrokenLink_IsAnError()
    {
        File.CreateSymbolicLink(content.PathOf(Bronnen + "/weg.txt"), content.PathOf("bestaat-niet"));

        Assert.Equal(Bronnen + "/weg.txt", Assert.Single(LoadErrors()).File);
    }

    [Fact]
    public void Load_ContentFolderThatIsALink_IsRead()
    {
        var link = content.Root + "-actueel";
        Directory.CreateSymbolicLink(link, content.Root);
        try
        {
            Assert.True(ContentLoader.Load(link).IsValid);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void Load_TooManyEntries_StopsWithALocatedErrorQuickly()
    {
        var pile = content.PathOf(ContentFixture.Slug + "/stapel");
        Directory.CreateDirectory(pile);
        for (var i = 0; i <= ContentLimits.MaxTreeEntries; i++)
        {
            File.WriteAllBytes(Path.Combine(pile, $"{i}.txt"), []);
        }

        var error = Assert.Single(LoadErrors());

        Assert.Equal((ContentFixture.Slug + "/stapel", 1, 1), (error.File, error.Line, error.Column));
        Assert.StartsWith("In de inhoudsmap staan meer dan 10.000 bestanden en mappen", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FoldersTooDeep_StopsWithALocatedError()
    {
        var deep = string.Join('/', Enumerable.Repeat("map", ContentLimits.MaxTreeDepth));
        content.Write($"{ContentFixture.Slug}/{deep}/bestand.txt", "x");

        var error = Assert.Single(LoadErrors());

        Assert.Equal($"{ContentFixture.Slug}/{deep}", error.File);
        Assert.Contains("te diep", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UndeclaredFifo_IsHarmlessAndNeverOpened()
    {
        MakeFifo(content.PathOf(Bronnen + "/pijp"));

        var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
        Assert.True(elapsed < HostileContentTests.TimeBound, $"Loading took {elapsed.TotalSeconds:0.0} s.");
    }

    [Fact]
    public void Load_HiddenEntriesAndEditorsFiles_AreNotContent()
    {
        content.Write(".git/HEAD", "ref: refs/heads/main")
            .Write(ContentFixture.Slug + "/.tekst.md.swp", "vim")
            .Write(ContentFixture.Slug + "/tekst.md~", "backup")
            .Write(ContentFixture.Slug + "/4913", string.Empty)
            .Write(ContentFixture.Slug + "/#tekst.md#", "emacs")
            .Write(ContentFixture.Slug + "/.~lock.cijfers.json#", "libreoffice")
            .Write(ContentFixture.Slug + "/~$rapport.docx", "word");
        // Not content, so never followed either.
        Directory.CreateSymbolicLink(content.PathOf(".git/lus"), "..");

        var listing = ContentTree.Walk(content.Root);

        Assert.Empty(listing.Errors);
        Assert.Equal(
            [
                ContentFixture.Slug,
                $"{ContentFixture.Slug}/begrippen.json",
                $"{ContentFixture.Slug}/bronnen",
                $"{ContentFixture.Slug}/bronnen/persbericht-2025-05-28.txt",
                $"{ContentFixture.Slug}/cijfers.json",
                $"{ContentFixture.Slug}/publicatie.json",
                $"{ContentFixture.Slug}/tekst.md",
                $"{ContentFixture.Slug}/vergaderingen.json",
                "site.json",
            ],
            listing.Entries.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }

    [Fact]
    public void Walk_ListsEachEntryOnceWithItsKind()
    {
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/terug"), "..");

        var listing = ContentTree.Walk(content.Root);

        Assert.Equal(listing.Entries.Count, listing.Entries.Select(e => e.Path).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(ContentEntryKind.Link, Assert.Single(listing.Entries, e => e.Path == Bronnen + "/terug").Kind);
        Assert.Equal(ContentEntryKind.Folder, Assert.Single(listing.Entries, e => e.Path == Bronnen).Kind);
        var file = Assert.Single(listing.Entries, e => e.Path == Bronnen + "/persbericht-2025-05-28.txt");
        Assert.Equal((ContentEntryKind.File, new FileInfo(content.PathOf(file.Path)).Length), (file.Kind, file.Length));
    }

    [Fact]
    public void Walk_Cancelled_StopsAtOnce()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ContentTree.Walk(content.Root, cancelled.Token));
        Assert.ThrowsAny<OperationCanceledException>(() => ContentLoader.Load(content.Root, cancellationToken: cancelled.Token));
    }

    [Theory]
    [InlineData(".git", true)]
    [InlineData(".tekst.md.swp", true)]
    [InlineData("tekst.md.swo", true)]
    [InlineData("tekst.md~", true)]
    [InlineData("4913", true)]
    [InlineData("#tekst.md#", true)]
    [InlineData(".~lock.cijfers.json#", true)]
    [InlineData("~$rapport.docx", true)]
    [InlineData("tekst.md", false)]
    [InlineData("persbericht-2025-05-28.txt", false)]
    [InlineData("perspectiefnota-2026-2029", false)]
    [InlineData("#", false)]
    public void IsSkipped_NamesEditorsAndToolsLeaveBehind(string name, bool skipped) =>
        Assert.Equal(skipped, ContentTree.IsSkipped(name));
}
