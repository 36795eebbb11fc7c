using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Commands;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// <c>validate [DIR]</c>: what it prints, checked in-process; and once per exit code the real program
/// (<c>dotnet Almelo.Perspectief.Web.dll validate</c>), for its arguments, settings, streams and exit code.
/// </summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly ContentFixture content = ContentFixture.Reference();

    private static Task<(int Exit, string Output, string Error)> ValidateProcess(params string[] arguments) =>
        WebProgram.Run(TimeSpan.FromSeconds(60), ["validate", .. arguments]);

    /// <summary>The command as the program runs it, with the host that <c>--Site:BaseUrl</c> gives and the system clock unless told.</summary>
    private static (int Exit, string Output, string Error) Validate(string directory, string? siteHost = null, TimeProvider? clock = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = ValidateCommand.Run(directory, directory, siteHost, output, error, clock);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void Validate_ValidContent_ExitsZero()
    {
        var (exit, output, _) = Validate(content.Root);

        Assert.Equal(0, exit);
        Assert.Contains("is in orde: 1 publicatie(s), geen fouten.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_BrokenContent_ExitsOneAndPrintsEveryErrorOnItsOwnLine()
    {
        content.Replace(ContentFixture.Slug + "/cijfers.json", "\"waarde\": 49000", "\"waarde\": -49000")
            .Replace(ContentFixture.Slug + "/tekst.md", "op 1 juli 2025 en beslist", "op woensdag 1 juli 2025 en beslist");

        var (exit, output, error) = await ValidateProcess(content.Root);

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
    public void Validate_LinksUpInBronnen_ExitsOneWithALocatedErrorForEach()
    {
        Directory.CreateSymbolicLink(content.PathOf(ContentFixture.Slug + "/bronnen/a"), "..");
        Directory.CreateSymbolicLink(content.PathOf(ContentFixture.Slug + "/bronnen/b"), "..");

        var (exit, output, _) = Validate(content.Root);

        Assert.Equal(1, exit);
        Assert.Equal(
            [
                "perspectiefnota-2026-2029/bronnen/a:1:1: 'perspectiefnota-2026-2029/bronnen/a' is een snelkoppeling (symlink). De site volgt geen snelkoppelingen: zet het bestand of de map zelf hier neer, of haal de snelkoppeling weg.",
                "perspectiefnota-2026-2029/bronnen/b:1:1: 'perspectiefnota-2026-2029/bronnen/b' is een snelkoppeling (symlink). De site volgt geen snelkoppelingen: zet het bestand of de map zelf hier neer, of haal de snelkoppeling weg.",
            ],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Validate_NumberThatDoesNotFit_ExitsOneWithALocatedError()
    {
        content.Replace(ContentFixture.Slug + "/cijfers.json", "\"noemer\": 3", "\"noemer\": 3.0");

        var (exit, output, _) = Validate(content.Root);

        Assert.Equal(1, exit);
        Assert.StartsWith(
            $"perspectiefnota-2026-2029/cijfers.json:{content.LineOf(ContentFixture.Slug + "/cijfers.json", "3.0")}:",
            Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ShippedContentToday_PrintsTheStaleWarningAtTheLastMeetingAndExitsZero()
    {
        using var live = ContentFixture.Live();

        var (exit, output, _) = Validate(live.Root);

        Assert.Equal(0, exit);
        var line = live.LineOf(ContentFixture.Slug + "/vergaderingen.json", "\"besluitvorming-2025-07-10\"") - 1;
        Assert.Contains(
            $"waarschuwing: perspectiefnota-2026-2029/vergaderingen.json:{line}:5: Alle vergaderingen van 'Perspectiefnota 2026-2029' zijn voorbij, maar er staat niet wat de raad besloot.",
            output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("waarschuwing:", StringComparison.Ordinal)),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OutcomeRecorded_PrintsNoWarning()
    {
        using var decided = ContentFixture.WithOutcome();

        var (exit, output, _) = Validate(decided.Root);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("waarschuwing:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BeforeTheMeetings_PrintsNoWarning()
    {
        var (exit, output, _) = Validate(content.Root, clock: new FixedClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, exit);
        Assert.DoesNotContain("waarschuwing:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LinksToTheSitesOwnRoutes_PrintsLocatedWarningsAndExitsZero()
    {
        content.Replace(
            ContentFixture.Slug + "/tekst.md",
            "De andere hebben wij zelf berekend.",
            "De andere hebben wij zelf berekend.\n\nZie [status](https://perspectief.almelo.nl/health) en [x](/health/live) en [y](/_blazor/initializers) en [z](/fout).");
        var line = content.LineOf(ContentFixture.Slug + "/tekst.md", "Zie [status]");

        var (exit, output, _) = Validate(content.Root, SiteOptions.HostOf(ExportRun.BaseUrl));

        Assert.Equal(0, exit);
        string[] expected =
        [
            $"waarschuwing: perspectiefnota-2026-2029/tekst.md:{line}:5: De link 'https://perspectief.almelo.nl/health' gaat naar /health:",
            $"waarschuwing: perspectiefnota-2026-2029/tekst.md:{line}:55: De link '/health/live' gaat naar /health/live:",
            $"waarschuwing: perspectiefnota-2026-2029/tekst.md:{line}:76: De link '/_blazor/initializers' gaat naar /_blazor/initializers:",
            $"waarschuwing: perspectiefnota-2026-2029/tekst.md:{line}:106: De link '/fout' gaat naar /fout:",
        ];
        var warnings = output.Split('\n').Where(l => l.Contains(" gaat naar /", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Length, warnings.Count);
        Assert.All(expected.Zip(warnings), pair => Assert.StartsWith(pair.First, pair.Second, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_FolderThatDoesNotExist_ExitsTwo()
    {
        var (exit, _, error) = await ValidateProcess(Path.Combine(content.Root, "bestaat-niet"));

        Assert.Equal(2, exit);
        Assert.Contains("bestaat niet", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WithoutFolder_ChecksTheConfiguredContentPathForTheConfiguredSite()
    {
        content.Replace(
            ContentFixture.Slug + "/tekst.md",
            "De andere hebben wij zelf berekend.",
            "De andere hebben wij zelf berekend.\n\nZie [hier](https://perspectief.almelo.nl/health) en [daar](https://elders.example.org/health).");

        var (exit, output, _) = await ValidateProcess($"--Content:Path={content.Root}", $"--Site:BaseUrl={ExportRun.BaseUrl}");

        Assert.Equal(0, exit);
        Assert.Contains(content.Root, output, StringComparison.Ordinal);
        // A full address counts only on the host of Site:BaseUrl.
        Assert.Contains("De link 'https://perspectief.almelo.nl/health' gaat naar /health", output, StringComparison.Ordinal);
        Assert.DoesNotContain("elders.example.org", output, StringComparison.Ordinal);
    }

    /// <summary>
    /// A GitHub runner reads a line whose first non-blank characters are "::", or any line with "##[", as a workflow
    /// command (<c>::stop-commands::</c> would silence the annotations that follow).
    /// </summary>
    private static void AssertNoWorkflowCommand(params string[] outputs) =>
        Assert.All(outputs.SelectMany(o => o.Split('\n')), line =>
        {
            Assert.False(line.TrimStart().StartsWith("::", StringComparison.Ordinal), line);
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
        });

    [Fact]
    public void Validate_NamesAndTextsLikeWorkflowCommands_PrintNoLineARunnerWouldRun()
    {
        Directory.CreateDirectory(content.PathOf("::stop-commands::x"));
        Directory.CreateDirectory(content.PathOf(" ::warning title=Geslaagd::alles goed"));
        File.WriteAllText(content.PathOf("::error::bestand.md"), "::error::x");
        content.Replace(ContentFixture.Slug + "/publicatie.json", "\"titel\":", "\"::error::veld ##[error]veld\": 1,\n  \"titel\":")
            .Replace(ContentFixture.Slug + "/tekst.md", "De andere hebben wij zelf berekend.", "De andere hebben wij zelf berekend.\n\n::error::tekst ##[error]tekst");

        var (exit, output, error) = Validate(content.Root);

        Assert.Equal(1, exit);
        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Contains("./::stop-commands::x/:1:1: De mapnaam '::stop-commands::x' kan geen webadres worden. Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 'perspectiefnota-2026-2029').", lines);
        Assert.Contains(lines, l => l.StartsWith("./ ::warning title=Geslaagd::alles goed/:1:1: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith("Het veld '::error::veld ## [error]veld' bestaat hier niet. Controleer de spelling of haal het weg.", StringComparison.Ordinal));
        AssertNoWorkflowCommand(output, error);
    }

    [Fact]
    public void Validate_WarningsQuotingWorkflowCommands_PrintNoLineARunnerWouldRun()
    {
        content.Replace(ContentFixture.Slug + "/begrippen.json", "\"begrippen\": [", "\"begrippen\": [\n    { \"id\": \"motie\", \"term\": \"##[error]motie\", \"uitleg\": \"::error::uitleg\" },")
            .Replace(ContentFixture.Slug + "/tekst.md", "De andere hebben wij zelf berekend.", "De andere hebben wij zelf berekend.\n\n::error::tekst, zie [status](/health?a=::error::b).");

        var (exit, output, error) = Validate(content.Root, clock: new FixedClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, exit);
        Assert.Contains("waarschuwing: perspectiefnota-2026-2029/begrippen.json:", output, StringComparison.Ordinal);
        Assert.Contains("Het begrip '## [error]motie' komt niet voor in tekst.md", output, StringComparison.Ordinal);
        Assert.Contains("De link '/health?a=::error::b' gaat naar /health", output, StringComparison.Ordinal);
        AssertNoWorkflowCommand(output, error);
    }

    [Fact]
    public void Validate_UnusedTerm_PrintsALocatedWarningAndExitsZero()
    {
        content.Replace(ContentFixture.Slug + "/begrippen.json", "\"begrippen\": [", "\"begrippen\": [\n    { \"id\": \"motie\", \"term\": \"motie\", \"uitleg\": \"Een voorstel van een raadslid.\" },");

        var (exit, output, _) = Validate(content.Root, clock: new FixedClock(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero)));

        Assert.Equal(0, exit);
        Assert.Contains(
            $"waarschuwing: perspectiefnota-2026-2029/begrippen.json:{content.LineOf(ContentFixture.Slug + "/begrippen.json", "\"motie\"")}:22: Het begrip 'motie' komt niet voor in tekst.md,",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ChangeDatedAfterToday_ExitsOne()
    {
        var tomorrow = TextFormat.IsoDate(TimeProvider.System.Today().AddDays(1));
        content.Replace(ContentFixture.Slug + "/publicatie.json", "{ \"datum\": \"2025-05-28\", \"wat\"", $"{{ \"datum\": \"{tomorrow}\", \"wat\"");

        var (exit, output, _) = Validate(content.Root);

        Assert.Equal(1, exit);
        Assert.Contains($"De wijziging op {tomorrow} ligt na vandaag", output, StringComparison.Ordinal);
    }

    public void Dispose() => content.Dispose();
}
