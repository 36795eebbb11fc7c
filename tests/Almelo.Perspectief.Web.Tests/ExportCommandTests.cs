using System.Text;
using System.Text.Json;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.StaticExport;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// <c>export</c> as a user runs it: its exit codes, its archive stamp, and content that tries to make it read or write
/// elsewhere. In this process as the program builds it; once per exit code as the real program.
/// </summary>
public sealed class ExportCommandTests
{
    private const string Meta = ContentFixture.Slug + "/publicatie.json";
    private const string Source = "bronnen/persbericht-2025-05-28.txt";

    [Fact]
    public async Task Export_OutputFolderNotEmpty_Exits2AndChangesNothing()
    {
        using var content = ContentFixture.Reference();
        var output = ExportRun.NewFolder();
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "eerder.txt"), "eerder");
        try
        {
            var (exit, _, error) = await Run("export", output, $"--Content:Path={content.Root}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

            Assert.Equal(2, exit);
            Assert.Contains("is niet leeg", error, StringComparison.Ordinal);
            Assert.Equal(["eerder.txt"], Directory.GetFileSystemEntries(output).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Export_OutputIsAFile_Exits2()
    {
        using var content = ContentFixture.Reference();
        var file = Path.GetTempFileName();
        try
        {
            var (exit, _, error) = await Run("export", file, $"--Content:Path={content.Root}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

            Assert.Equal(2, exit);
            Assert.Contains("is een bestand", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Export_OutputInsideTheContentFolder_Exits2()
    {
        using var content = ContentFixture.Reference();

        var (exit, _, error) = await Run("export", content.PathOf("export"), $"--Content:Path={content.Root}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

        Assert.Equal(2, exit);
        Assert.Contains("ligt in de inhoudsmap", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(content.PathOf("export")));
    }

    [Fact]
    public async Task Export_LinkedContentPathAndOutputInTheRealContentFolder_Exits2AndCreatesNothing()
    {
        using var content = ContentFixture.Reference();
        var link = ExportRun.NewFolder();
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Directory.CreateSymbolicLink(link, content.Root);
        var output = content.PathOf($"{ContentFixture.Slug}/voorbeeld");
        try
        {
            var (exit, _, error) = await Run("export", output, $"--Content:Path={link}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

            Assert.Equal(2, exit);
            Assert.Contains("ligt in de inhoudsmap", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(output));
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public void Problem_OutputReachedThroughALinkIntoTheContent_IsRefused()
    {
        using var content = ContentFixture.Reference();
        var parent = ExportRun.NewFolder();
        Directory.CreateDirectory(parent);
        try
        {
            // A relative link with "..": the system resolves it from where the link points, not from its own folder.
            Directory.CreateSymbolicLink(Path.Combine(parent, "naar-bronnen"), content.PathOf($"{ContentFixture.Slug}/bronnen"));
            Directory.CreateSymbolicLink(Path.Combine(parent, "omhoog"), "naar-bronnen/..");

            Assert.Contains("ligt in de inhoudsmap", ExportTarget.Problem(Path.Combine(parent, "naar-bronnen", "uit"), content.Root), StringComparison.Ordinal);
            Assert.Contains("ligt in de inhoudsmap", ExportTarget.Problem(Path.Combine(parent, "omhoog", "uit"), content.Root), StringComparison.Ordinal);
            Assert.Contains("ligt in de inhoudsmap", ExportTarget.Problem(Path.Combine(parent, "naar-bronnen"), content.Root), StringComparison.Ordinal);
            Assert.Null(ExportTarget.Problem(Path.Combine(parent, "uit"), content.Root));
            Assert.Equal([Path.Combine(parent, "naar-bronnen"), Path.Combine(parent, "omhoog")], Directory.GetFileSystemEntries(parent).Order(StringComparer.Ordinal));
            Assert.Equal(content.PathOf(ContentFixture.Slug), ExportTarget.RealPath(Path.Combine(parent, "omhoog")));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void RealPath_LinkLoop_IsNull()
    {
        var parent = ExportRun.NewFolder();
        Directory.CreateDirectory(parent);
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(parent, "a"), "b");
            Directory.CreateSymbolicLink(Path.Combine(parent, "b"), "a");

            Assert.Null(ExportTarget.RealPath(Path.Combine(parent, "a", "uit")));
            Assert.Contains("kring", ExportTarget.Problem(Path.Combine(parent, "a", "uit"), ContentFixture.ReferenceContent), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task Export_ContentFolderMissing_Exits2()
    {
        var output = ExportRun.NewFolder();
        var missing = Path.Combine(Path.GetTempPath(), "bestaat-niet-" + Guid.NewGuid().ToString("N"));

        var (exit, _, error) = await Run("export", output, $"--Content:Path={missing}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

        Assert.Equal(2, exit);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Export_WithoutBaseUrl_Exits2AndSaysWhatToAdd()
    {
        using var content = ContentFixture.Reference();
        var output = ExportRun.NewFolder();

        var (exit, _, error) = await Run("export", output, $"--Content:Path={content.Root}");

        Assert.Equal(2, exit);
        Assert.Contains("--Site:BaseUrl=", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_BaseUrlWithAPath_Exits2WithTheSettingsError()
    {
        using var content = ContentFixture.Reference();
        var output = ExportRun.NewFolder();

        var (exit, _, error) = await Run("export", output, $"--Content:Path={content.Root}", "--Site:BaseUrl=https://example.org/voorbeeld/");

        Assert.Equal(2, exit);
        Assert.Equal($"Een instelling klopt niet: Site:BaseUrl is 'https://example.org/voorbeeld/'; dat moet een volledig webadres met http:// of https:// zijn, zonder pad, bijvoorbeeld https://perspectief.almelo.nl.{Environment.NewLine}", error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task Export_WithoutFolder_Exits2WithUsage()
    {
        var (exit, _, error) = await WebProgram.Run(TimeSpan.FromMinutes(2), "export", $"--Site:BaseUrl={ExportRun.BaseUrl}");

        Assert.Equal(2, exit);
        Assert.Contains("Gebruik: export", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_InvalidContent_Exits1WithTheValidatorsErrorsAndLeavesNoFolder()
    {
        using var content = ContentFixture.Reference().Replace(Meta, "\"datum\": \"2025-05-28\"", "\"datum\": \"28 mei 2025\"");

        using var export = await ExportRun.AsProgram("Development", content.Root);
        using var validate = new StringWriter();

        Assert.Equal(1, export.Exit);
        Assert.Equal(1, Commands.ValidateCommand.Run(content.Root, content.Root, new Uri(ExportRun.BaseUrl).Host, validate, TextWriter.Null));
        Assert.Equal(validate.ToString(), export.StandardOutput);
        Assert.Contains($"{Meta}:", export.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(export.Output));
    }

    [Theory]
    [InlineData("../../geheim.txt")]
    [InlineData("../tekst.md")]
    [InlineData("/etc/passwd")]
    public async Task Export_SourceFileOutsideThePublication_Exits1AndReadsNothing(string hostile)
    {
        using var content = ContentFixture.Reference().Replace(Meta, Source, hostile);

        using var export = await ExportRun.Of(content.Root);

        Assert.Equal(1, export.Exit);
        Assert.Contains($"{Meta}:", export.StandardOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(export.Output));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Export_SymbolicLinkOutOfTheContent_Exits1AndCopiesNothing(bool linkTheFolder)
    {
        using var content = ContentFixture.Reference();
        var outside = Path.Combine(Path.GetTempPath(), "almelo-buiten-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        var secret = "GEHEIM-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(Path.Combine(outside, "persbericht-2025-05-28.txt"), secret);
        var sourceFile = content.PathOf($"{ContentFixture.Slug}/{Source}");
        if (linkTheFolder)
        {
            Directory.Delete(Path.GetDirectoryName(sourceFile)!, recursive: true);
            Directory.CreateSymbolicLink(Path.GetDirectoryName(sourceFile)!, outside);
        }
        else
        {
            File.Delete(sourceFile);
            File.CreateSymbolicLink(sourceFile, Path.Combine(outside, "persbericht-2025-05-28.txt"));
        }
        try
        {
            using var export = await ExportRun.Of(content.Root);

            Assert.Equal(1, export.Exit);
            Assert.Contains($"{ContentFixture.Slug}/bronnen", export.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("snelkoppeling", export.StandardOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, export.StandardOutput + export.StandardError, StringComparison.Ordinal);
            Assert.False(Directory.Exists(export.Output));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task Export_ArchiveInProduction_WritesEveryPageWithTheDateAndContentVersionInFooterAndManifest()
    {
        using var content = ContentFixture.Reference();

        // As a published app runs it: in Production, which answers only to Site:BaseUrl's host unless told otherwise.
        using var export = await ExportRun.AsProgram("Production", content.Root, "--archive");

        Assert.True(export.Exit == 0, export.ToString());
        Assert.Contains("Perspectiefnota 2026-2029", await File.ReadAllTextAsync(Path.Combine(export.Output, ContentFixture.Slug, "index.html")), StringComparison.Ordinal);
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(export.Output, ExportFolder.ManifestName)));
        var archive = manifest.RootElement.GetProperty("archive");
        var version = manifest.RootElement.GetProperty("contentVersion").GetString()!;
        var date = DateOnly.ParseExact(archive.GetProperty("date").GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(version, archive.GetProperty("contentVersion").GetString());
        Assert.Equal(ContentVersion.Version(content.Root), version);
        Assert.InRange(date.DayNumber, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - 1, DateOnly.FromDateTime(DateTime.UtcNow).DayNumber + 1);
        foreach (var page in new[] { "index.html", $"{ContentFixture.Slug}/index.html", "404.html" })
        {
            var footer = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await File.ReadAllTextAsync(Path.Combine(export.Output, page))).QuerySelector("footer")!.TextContent;
            Assert.Contains("archiefkopie", footer, StringComparison.Ordinal);
            Assert.Contains(Almelo.Perspectief.Content.Formatting.TextFormat.Dutch.Date(date), footer, StringComparison.Ordinal);
            Assert.Contains(version, footer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ContentVersion_ChangesWithTheContentOnly()
    {
        using var one = ContentFixture.Reference();
        using var same = ContentFixture.Reference();
        using var changed = ContentFixture.Reference().Replace($"{ContentFixture.Slug}/tekst.md", "Almelo", "Almelo ");

        Assert.Equal(ContentVersion.Version(one.Root), ContentVersion.Version(same.Root));
        Assert.NotEqual(ContentVersion.Version(one.Root), ContentVersion.Version(changed.Root));
    }

    [Fact]
    public void ContentVersion_IgnoresHiddenAndEditorsFiles()
    {
        using var one = ContentFixture.Reference();
        using var edited = ContentFixture.Reference()
            .Write($"{ContentFixture.Slug}/.tekst.md.swp", "vim")
            .Write($"{ContentFixture.Slug}/tekst.md~", "backup")
            .Write(".git/HEAD", "ref: refs/heads/main");

        Assert.Equal(ContentVersion.Version(one.Root), ContentVersion.Version(edited.Root));
    }

    [Fact]
    public void ContentVersion_NeverFollowsLinksOrOpensAPipe()
    {
        using var one = ContentFixture.Reference();
        using var linked = ContentFixture.Reference();
        var bronnen = linked.PathOf($"{ContentFixture.Slug}/bronnen");
        Directory.CreateSymbolicLink(Path.Combine(bronnen, "a"), "..");
        Directory.CreateSymbolicLink(Path.Combine(bronnen, "b"), "..");
        Directory.CreateSymbolicLink(Path.Combine(bronnen, "extern"), "/usr");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(bronnen, "pijp")))
        {
            mkfifo.WaitForExit();
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var version = ContentVersion.Version(linked.Root);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.NotEqual(ContentVersion.Version(one.Root), version);
        Assert.Equal(["a", "b", "extern"], Almelo.Perspectief.Content.Loading.ContentTree.Walk(linked.Root).Errors.Select(e => Path.GetFileName(e.File)));
    }

    [Theory]
    [InlineData("/../geheim")]
    [InlineData("/a/../../geheim")]
    [InlineData("/%2e%2e/geheim")]
    [InlineData("/%2E%2E/%2E%2E/geheim")]
    [InlineData("/a%2F..%2F..%2Fgeheim")]
    [InlineData("/a%5C..%5Cgeheim")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc%00.txt")]
    [InlineData("C:/Windows/win.ini")]
    [InlineData("/a:b")]
    [InlineData("/x?y=1")]
    public void FileFor_HostileAddress_IsRefused(string address) =>
        Assert.Null(ExportFolder.FileFor(address, html: false));

    [Theory]
    [InlineData("/", true, "index.html")]
    [InlineData("/perspectiefnota-2026-2029", true, "perspectiefnota-2026-2029/index.html")]
    [InlineData("/404.html", true, "404.html")]
    [InlineData("/.well-known/security.txt", false, ".well-known/security.txt")]
    [InlineData("/app.khey94qi87.css", false, "app.khey94qi87.css")]
    [InlineData("/a%20b.txt", false, "a b.txt")]
    public void FileFor_SiteAddress_IsItsFile(string address, bool html, string file) =>
        Assert.Equal(file, ExportFolder.FileFor(address, html));

    [Fact]
    public void Write_HostileAddresses_WriteNothingOutsideTheFolder()
    {
        var parent = ExportRun.NewFolder();
        var root = Path.Combine(parent, "uit");
        Directory.CreateDirectory(root);
        var elsewhere = Path.Combine(parent, "elders");
        Directory.CreateDirectory(elsewhere);
        try
        {
            var folder = new ExportFolder(root);
            foreach (var address in new[] { "/../elders/x.txt", "/%2e%2e/elders/x.txt", "/a%2F..%2F..%2Felders%2Fx.txt", "//elders/x.txt" })
            {
                Assert.Throws<UnsafeAddressException>(() => folder.Write(address, "text/plain", Encoding.UTF8.GetBytes("x")));
            }
            // A link that something put into the folder is never written through.
            Directory.CreateSymbolicLink(Path.Combine(root, "link"), elsewhere);
            Assert.Throws<UnsafeAddressException>(() => folder.Write("/link/x.txt", "text/plain", Encoding.UTF8.GetBytes("x")));
            File.CreateSymbolicLink(Path.Combine(root, "bestand.txt"), Path.Combine(elsewhere, "doel.txt"));
            Assert.Throws<IOException>(() => folder.Write("/bestand.txt", "text/plain", Encoding.UTF8.GetBytes("x")));

            Assert.Empty(Directory.GetFileSystemEntries(elsewhere));
            Assert.Empty(folder.Files);
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void Write_ExistingFile_IsNeverReplaced()
    {
        var root = ExportRun.NewFolder();
        Directory.CreateDirectory(root);
        try
        {
            var folder = new ExportFolder(root);
            folder.Write("/a.txt", "text/plain", Encoding.UTF8.GetBytes("eerste"));

            Assert.Throws<IOException>(() => folder.Write("/a.txt", "text/plain", Encoding.UTF8.GetBytes("tweede")));
            Assert.Equal("eerste", File.ReadAllText(Path.Combine(root, "a.txt")));
            Assert.Single(folder.Files);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Write_AddressBelowAFileWrittenEarlier_IsRefusedNamingTheAddress()
    {
        var root = ExportRun.NewFolder();
        Directory.CreateDirectory(root);
        try
        {
            var folder = new ExportFolder(root);
            folder.Write("/status", "application/json", Encoding.UTF8.GetBytes("{}"));

            var refused = Assert.Throws<UnsafeAddressException>(() => folder.Write("/status/live", "text/plain", Encoding.UTF8.GetBytes("x")));

            Assert.Contains("'/status/live'", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(root, refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<(int Exit, string Output, string Error)> Run(params string[] arguments) => ExportRun.InProcess("Development", arguments);
}
