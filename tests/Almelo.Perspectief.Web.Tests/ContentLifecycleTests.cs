using System.Diagnostics;
using System.Net;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Content;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Editors cannot break the site: live reload, last good content, start-up with broken content.</summary>
public sealed class ContentLifecycleTests : IDisposable
{
    private const string Nota = "/perspectiefnota-2026-2029";
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Bronnen = ContentFixture.Slug + "/bronnen";

    /// <summary>Content:ReloadDelayMilliseconds as <see cref="PerspectiefFactory"/> sets it.</summary>
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(100);

    /// <summary>Content:PollSeconds in the tests that need the poll: a deploy replaces the folder or switches a link.</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    /// <summary>Real time for the file watcher and a read: seconds on a busy machine, never the minute this allows.</summary>
    private static readonly TimeSpan Within = TimeSpan.FromMinutes(1);

    private readonly ContentFixture content = ContentFixture.Reference();
    private readonly string snapshots = Path.Combine(Path.GetTempPath(), "almelo-laatst-goed-test", Guid.NewGuid().ToString("N"));
    private readonly StoreClock clock = new();

    private static async Task<string> Jobs(HttpClient client) =>
        (await client.Html(Nota)).QuerySelector("#cijfer-banen-2024 .cijfer__waarde")!.TextContent;

    /// <summary>The site on the store's clock, which moves only when a test moves it.</summary>
    private PerspectiefFactory Site(string? contentPath = null) => new(contentPath ?? content.Root, snapshots, clock: clock);

    /// <summary>
    /// Reads until the condition holds, moving the store's clock on by <paramref name="step"/> (the reload delay unless
    /// given) before each read: the debounce fires as soon as the file watcher has seen a change, the poll once the
    /// steps add up to Content:PollSeconds.
    /// </summary>
    private Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? step = null) =>
        Http.Eventually(
            async () =>
            {
                clock.Advance(step ?? Delay);
                return await read();
            },
            done,
            Within);

    /// <summary>Waits until the file watcher has seen a change: the store then sets its debounce timer.</summary>
    private async Task WatcherSawAChange(int timersSetBefore) =>
        await Http.Eventually(() => Task.FromResult(clock.TimersSet), set => set > timersSetBefore, Within);

    [Fact]
    public async Task ValidEdit_ShowsOnThePageOnceTheReloadDelayHasPassed_WithoutRestart()
    {
        // No poll during the test: the file watcher alone must see the edit.
        using var factory = Site().WithSetting("Content:PollSeconds", "3600");
        var client = factory.CreateClient();
        Assert.Equal("49.000", await Jobs(client));
        var timersSet = clock.TimersSet;

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49500");
        await WatcherSawAChange(timersSet);

        Assert.Equal("49.000", await Jobs(client));
        clock.Advance(Delay);
        Assert.Equal("49.500", await Jobs(client));
        Assert.Equal("Healthy", (await client.Health()).Status());
    }

    [Fact]
    public async Task InvalidEdit_KeepsServingTheLastGoodContent_AndHealthSaysDegradedWithTheErrors()
    {
        using var factory = Site();
        var client = factory.CreateClient();
        await Jobs(client);

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");

        var health = await Eventually(client.Health, h => h.Status() == "Degraded");
        Assert.Equal([$"{Cijfers}:{content.LineOf(Cijfers, "-49000")}:7: Het cijfer 'banen-2024' kan niet negatief zijn."], health.ContentErrors());
        var response = await client.GetAsync(new Uri(Nota, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("49.000", await Jobs(client));

        content.Replace(Cijfers, "\"waarde\": -49000", "\"waarde\": 51000");

        await Eventually(client.Health, h => h.Status() == "Healthy");
        Assert.Equal("51.000", await Jobs(client));
    }

    [Fact]
    public async Task FileThatCannotBeRead_KeepsTheSiteUp_AndHealthSaysDegraded()
    {
        using var factory = Site();
        var client = factory.CreateClient();
        await Jobs(client);

        File.Delete(content.PathOf(Cijfers));
        File.CreateSymbolicLink(content.PathOf(Cijfers), "/proc/self/mem");

        var health = await Eventually(client.Health, h => h.Status() == "Degraded");
        Assert.Equal($"{Cijfers}:1:1: '{Cijfers}' is een snelkoppeling (symlink). De site volgt geen snelkoppelingen: zet het bestand of de map zelf hier neer, of haal de snelkoppeling weg.", Assert.Single(health.ContentErrors()));
        Assert.Equal("49.000", await Jobs(client));
    }

    [Fact]
    public async Task AttachmentSwappedForALinkToASystemFile_IsNeverServed_TheValidatedCopyIs()
    {
        const string Persbericht = ContentFixture.Slug + "/bronnen/persbericht-2025-05-28.txt";
        var original = await File.ReadAllBytesAsync(content.PathOf(Persbericht));
        using var factory = Site();
        var client = factory.CreateClient();
        await Jobs(client);

        File.Delete(content.PathOf(Persbericht));
        File.CreateSymbolicLink(content.PathOf(Persbericht), "/etc/passwd");

        var health = await Eventually(client.Health, h => h.Status() == "Degraded");
        Assert.All(health.ContentErrors(), e => Assert.StartsWith(ContentFixture.Slug + "/", e, StringComparison.Ordinal));
        var served = await client.GetByteArrayAsync(new Uri(Nota + "/bronnen/persbericht-2025-05-28.txt", UriKind.Relative));
        Assert.Equal(original, served);
    }

    [Fact]
    public async Task LastGoodCopy_HoldsOnlyTheDeclaredRegularFiles()
    {
        await File.WriteAllTextAsync(content.PathOf(ContentFixture.Slug + "/notities.txt"), "niet aangemeld");
        using (var mkfifo = Process.Start("mkfifo", content.PathOf(ContentFixture.Slug + "/pijp")))
        {
            await mkfifo.WaitForExitAsync();
        }
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        await Jobs(factory.CreateClient());

        var kept = Directory.GetFileSystemEntries(snapshots, "*", SearchOption.AllDirectories)
            .Where(File.Exists)
            .Select(f => Path.GetRelativePath(snapshots, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                $"{ContentFixture.Slug}/begrippen.json",
                $"{ContentFixture.Slug}/bronnen/persbericht-2025-05-28.txt",
                $"{ContentFixture.Slug}/cijfers.json",
                $"{ContentFixture.Slug}/publicatie.json",
                $"{ContentFixture.Slug}/tekst.md",
                $"{ContentFixture.Slug}/vergaderingen.json",
                "site.json",
            ],
            kept);
    }

    [Fact]
    public async Task ContentFolderDeletedAndRecreated_LiveReloadGoesOn()
    {
        using var factory = Site().WithSetting("Content:PollSeconds", "1");
        var client = factory.CreateClient();
        await Jobs(client);
        using var copy = ContentFixture.Reference();
        copy.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49700");

        Directory.Delete(content.Root, recursive: true);
        await Eventually(client.Health, h => h.Status() == "Degraded", Poll);
        Directory.Move(copy.Root, content.Root);

        await Eventually(() => Jobs(client), v => v == "49.700", Poll);
        content.Replace(Cijfers, "\"waarde\": 49700", "\"waarde\": 49800");
        await Eventually(() => Jobs(client), v => v == "49.800");
    }

    [Fact]
    public async Task ContentPathLinkSwitchedToANewRelease_IsFollowed()
    {
        using var release = ContentFixture.Reference();
        release.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49900");
        var link = content.Root + "-actueel";
        Directory.CreateSymbolicLink(link, content.Root);
        try
        {
            using var factory = Site(link).WithSetting("Content:PollSeconds", "1");
            var client = factory.CreateClient();
            Assert.Equal("49.000", await Jobs(client));

            // As a deploy does it: a new link, renamed over the old one in one step.
            var next = link + "-nieuw";
            Directory.CreateSymbolicLink(next, release.Root);
            using (var rename = Process.Start("mv", ["-T", next, link]))
            {
                await rename.WaitForExitAsync();
            }

            await Eventually(() => Jobs(client), v => v == "49.900", Poll);
        }
        finally
        {
            File.Delete(link);
        }
    }

    [Fact]
    public async Task LinksUpAddedWhileRunning_AreReportedWithoutAWalk_AndLaterEditsStillShow()
    {
        using var factory = Site().WithSetting("Content:PollSeconds", "1");
        var client = factory.CreateClient();
        await Jobs(client);
        var before = Process.GetCurrentProcess().WorkingSet64;

        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/a"), "..");
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/b"), "..");

        var health = await Eventually(client.Health, h => h.Status() == "Degraded", Poll);
        Assert.Equal([Bronnen + "/a", Bronnen + "/b"], health.ContentErrors().Select(e => e.Split(':')[0]));
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/c"), "/usr");
        await Eventually(client.Health, h => h.ContentErrors().Count == 3, Poll);
        foreach (var link in new[] { "a", "b", "c" })
        {
            Directory.Delete(content.PathOf($"{Bronnen}/{link}"));
        }
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49300");
        await Eventually(() => Jobs(client), v => v == "49.300", Poll);

        var grown = Process.GetCurrentProcess().WorkingSet64 - before;
        Assert.True(grown < 300_000_000, $"The process grew by {grown / 1_000_000} MB.");
        Assert.Equal("Healthy", (await client.Health()).Status());
    }

    [Fact]
    public async Task StartUp_WithLinksUp_ServesTheLastGoodCopyAndReportsThem()
    {
        using (var first = new PerspectiefFactory(content.Root, snapshots))
        {
            Assert.Equal("49.000", await Jobs(first.CreateClient()));
        }
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/a"), "..");
        Directory.CreateSymbolicLink(content.PathOf(Bronnen + "/extern"), "/usr");

        using var second = new PerspectiefFactory(content.Root, snapshots);
        var client = second.CreateClient();

        Assert.Equal("49.000", await Jobs(client));
        var health = await client.Health();
        Assert.Equal("Degraded", health.Status());
        Assert.Equal([Bronnen + "/a", Bronnen + "/extern"], health.ContentErrors().Select(e => e.Split(':')[0]));
    }

    [Fact]
    public async Task TouchAndSwapFiles_KeepTheVersionTheETagAndTheCache()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        var client = factory.CreateClient();
        await Jobs(client);
        var version = factory.Store.State.Version;
        var etag = (await client.GetAsync(new Uri(Nota, UriKind.Relative))).Headers.ETag;
        var changes = 0;
        factory.Store.StateChanged += _ => Interlocked.Increment(ref changes);

        File.SetLastWriteTimeUtc(content.PathOf(ContentFixture.Slug + "/publicatie.json"), DateTime.UtcNow.AddMinutes(1));
        await File.WriteAllTextAsync(content.PathOf(ContentFixture.Slug + "/.publicatie.json.swp"), "vim");
        await File.WriteAllTextAsync(content.PathOf(ContentFixture.Slug + "/tekst.md~"), "backup");
        Directory.CreateDirectory(content.PathOf(".git"));
        factory.Store.Reload();

        Assert.Equal(version, factory.Store.State.Version);
        Assert.Equal(0, changes);
        Assert.Equal(etag, (await client.GetAsync(new Uri(Nota, UriKind.Relative))).Headers.ETag);
    }

    [Fact]
    public async Task RealChange_GetsANewVersionAndETag()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        var client = factory.CreateClient();
        await Jobs(client);
        var version = factory.Store.State.Version;
        var etag = (await client.GetAsync(new Uri(Nota, UriKind.Relative))).Headers.ETag;

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49400");
        factory.Store.Reload();

        Assert.NotEqual(version, factory.Store.State.Version);
        Assert.NotEqual(etag, (await client.GetAsync(new Uri(Nota, UriKind.Relative))).Headers.ETag);
        Assert.Equal("49.400", await Jobs(client));
    }

    [Fact]
    public async Task SameErrorsReadAgain_KeepTheVersion_AndTheFixGetsANewOne()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        var client = factory.CreateClient();
        await Jobs(client);
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();
        var degraded = factory.Store.State.Version;

        File.SetLastWriteTimeUtc(content.PathOf(Cijfers), DateTime.UtcNow.AddMinutes(1));
        factory.Store.Reload();
        Assert.Equal(degraded, factory.Store.State.Version);

        // Back to the very bytes served: the errors go, so the state is new, though the content is the same.
        content.Replace(Cijfers, "\"waarde\": -49000", "\"waarde\": 49000");
        factory.Store.Reload();
        Assert.NotEqual(degraded, factory.Store.State.Version);
        Assert.Equal("Healthy", (await client.Health()).Status());
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("parent")]
    [InlineData("link")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task StartUp_LastGoodFolderOthersCouldHavePlanted_IsIgnoredAndLogged(string planted)
    {
        using (var first = new PerspectiefFactory(content.Root, snapshots))
        {
            await Jobs(first.CreateClient());
        }
        var used = snapshots;
        switch (planted)
        {
            case "folder":
                File.SetUnixFileMode(snapshots, (UnixFileMode)0b111_111_111);
                break;
            case "parent":
                used = Path.Combine(snapshots, "binnen");
                Directory.Move(snapshots, snapshots + "-verplaatst");
                Directory.CreateDirectory(snapshots);
                Directory.Move(snapshots + "-verplaatst", used);
                File.SetUnixFileMode(snapshots, (UnixFileMode)0b111_111_111);
                break;
            default:
                used = snapshots + "-link";
                Directory.CreateSymbolicLink(used, snapshots);
                break;
        }
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        var sink = new CollectingSink();

        try
        {
            using var logging = new SerilogLoggerFactory(new LoggerConfiguration().WriteTo.Sink(sink).CreateLogger(), dispose: true);
            using var store = new ContentStore(
                Microsoft.Extensions.Options.Options.Create(new ContentOptions { Path = content.Root, SnapshotPath = used }),
                new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = content.Root },
                logging.CreateLogger<ContentStore>(),
                TimeProvider.System);

            // The program ends with exit 1 and this message (StartUp_InvalidContentWithoutLastGoodCopy_RefusesToStartAndListsEveryError).
            var refused = await Assert.ThrowsAsync<InvalidContentException>(() => store.StartAsync(CancellationToken.None));

            Assert.Contains("er is geen laatst goede versie", refused.Message, StringComparison.Ordinal);
            Assert.Contains(sink.Events, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Ignoring the last good folder", StringComparison.Ordinal));
        }
        finally
        {
            if (planted == "link")
            {
                File.Delete(used);
            }
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task LastGoodCopy_OnlyTheSiteUserMayOpenIt()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        await Jobs(factory.CreateClient());

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(snapshots));
    }

    [Fact]
    public void DefaultLastGoodFolder_LiesInTheUsersStateFolder_NotInTheSharedTempFolder()
    {
        var path = Web.Content.ContentStore.DefaultSnapshotPath("/srv/productie/content", "/srv/productie");

        var state = Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } set
            ? set
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state");
        Assert.StartsWith(Path.Combine(state, "almelo-perspectief", "laatst-goed-"), path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_Cancelled_StopsAtOnce()
    {
        using var store = new Web.Content.ContentStore(
            Microsoft.Extensions.Options.Options.Create(new Web.Content.ContentOptions { Path = content.Root, SnapshotPath = snapshots }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = content.Root },
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Content.ContentStore>.Instance,
            TimeProvider.System);
        using var stopping = new CancellationTokenSource();
        await stopping.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.StartAsync(stopping.Token));
    }

    [Fact]
    public void DefaultLastGoodFolder_IsOwnPerSite()
    {
        var one = Web.Content.ContentStore.DefaultSnapshotPath("/srv/productie/content", "/srv/productie");
        var other = Web.Content.ContentStore.DefaultSnapshotPath("/srv/test/content", "/srv/test");

        Assert.NotEqual(one, other);
        Assert.Equal(one, Web.Content.ContentStore.DefaultSnapshotPath("/srv/productie/content", "/srv/productie"));
    }

    [Fact]
    public async Task HalfWrittenFile_ThatIsCompletedWithinTheReloadDelay_NeverShowsAsDegraded()
    {
        using var factory = Site().WithSetting("Content:PollSeconds", "3600");
        var client = factory.CreateClient();
        await Jobs(client);
        var path = content.PathOf(Cijfers);
        var text = await File.ReadAllTextAsync(path);
        var timersSet = clock.TimersSet;

        // An editor that saves in two writes: first half a file, read by the site once the reload delay has passed ...
        await File.WriteAllTextAsync(path, text[..(text.Length / 2)]);
        await WatcherSawAChange(timersSet);
        clock.Advance(Delay);
        var statuses = new List<string> { (await client.Health()).Status() };
        // ... and, before the site reads it once more to confirm the errors, the whole new file.
        await File.WriteAllTextAsync(path, text.Replace("\"waarde\": 49000", "\"waarde\": 49100", StringComparison.Ordinal));

        await Eventually(
            async () => { var h = await client.Health(); statuses.Add(h.Status()); return await Jobs(client); },
            v => v == "49.100");
        Assert.DoesNotContain("Degraded", statuses);
    }

    [Fact]
    public async Task FilesChurningLikeAGitCheckout_NeverTakeThePageDown_AndTheSiteRecovers()
    {
        using var factory = Site();
        var client = factory.CreateClient();
        await Jobs(client);
        var figures = content.PathOf(Cijfers);
        var text = content.PathOf(ContentFixture.Slug + "/tekst.md");
        var original = (Figures: await File.ReadAllTextAsync(figures), Text: await File.ReadAllTextAsync(text));

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var churn = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                // Pauses about as long as the reload delay, so that reads start while files are being replaced.
                await Task.Delay(80 + (i * 7 % 40));
                File.Delete(text);
                await File.WriteAllTextAsync(figures, original.Figures[..(i * 97 % original.Figures.Length)]);
                Directory.CreateDirectory(content.PathOf($"tijdelijk-{i % 3}"));
                await File.WriteAllTextAsync(text, original.Text);
                await File.WriteAllTextAsync(figures, original.Figures);
                Directory.Delete(content.PathOf($"tijdelijk-{i % 3}"));
            }
        });
        var statuses = new List<HttpStatusCode>();
        while (!churn.IsCompleted)
        {
            // The store reads whenever the reload delay has passed, while files are being replaced.
            clock.Advance(Delay);
            statuses.Add((await client.GetAsync(new Uri(Nota, UriKind.Relative))).StatusCode);
        }
        await churn;
        await File.WriteAllTextAsync(figures, original.Figures.Replace("\"waarde\": 49000", "\"waarde\": 49200", StringComparison.Ordinal));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        await Eventually(client.Health, h => h.Status() == "Healthy");
        await Eventually(() => Jobs(client), v => v == "49.200");
    }

    [Fact]
    public async Task RemovedFolder_RemovesItsPage_AndAddedFolderAddsOne()
    {
        using var factory = Site();
        var client = factory.CreateClient();
        using var extra = ContentFixture.FromFixture("kort-nieuws");

        Directory.Move(extra.Root, content.PathOf("kort-nieuws"));
        await Eventually(async () => (await client.GetAsync(new Uri("/kort-nieuws", UriKind.Relative))).StatusCode, s => s == HttpStatusCode.OK);
        var home = await client.Html("/");
        Assert.Equal(["/kort-nieuws", Nota], home.QuerySelectorAll(".publicaties h2 a").Select(a => a.GetAttribute("href")));

        Directory.Delete(content.PathOf("kort-nieuws"), recursive: true);
        await Eventually(async () => (await client.GetAsync(new Uri("/kort-nieuws", UriKind.Relative))).StatusCode, s => s == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Nota, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task StartUp_InvalidContentWithoutLastGoodCopy_RefusesToStartAndListsEveryError()
    {
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000")
            .Replace(ContentFixture.Slug + "/tekst.md", "{#besparing}", "{#Besparing}");

        var (exit, _, error) = await WebProgram.Run(
            TimeSpan.FromSeconds(60),
            "--urls", "http://127.0.0.1:0",
            $"--Content:Path={content.Root}",
            $"--Content:SnapshotPath={snapshots}");

        Assert.Equal(1, exit);
        Assert.Contains("bevat 2 fout(en) en er is geen laatst goede versie", error, StringComparison.Ordinal);
        Assert.Contains($"{Cijfers}:{content.LineOf(Cijfers, "-49000")}:7: Het cijfer 'banen-2024' kan niet negatief zijn.", error, StringComparison.Ordinal);
        Assert.Contains("Het id 'Besparing' mag alleen kleine letters", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_NumberThatDoesNotFit_WithLastGoodCopy_ServesItAndReportsTheError()
    {
        using (var first = new PerspectiefFactory(content.Root, snapshots))
        {
            Assert.Equal("49.000", await Jobs(first.CreateClient()));
        }
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 1e30");

        using var second = new PerspectiefFactory(content.Root, snapshots);
        var client = second.CreateClient();

        Assert.Equal("49.000", await Jobs(client));
        var health = await client.Health();
        Assert.Equal("Degraded", health.Status());
        Assert.StartsWith($"{Cijfers}:{content.LineOf(Cijfers, "1e30")}:", Assert.Single(health.ContentErrors()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartUp_InvalidContentWithLastGoodCopy_ServesItAndReportsDegraded()
    {
        using (var first = new PerspectiefFactory(content.Root, snapshots))
        {
            Assert.Equal("49.000", await Jobs(first.CreateClient()));
        }
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");

        using var second = new PerspectiefFactory(content.Root, snapshots);
        var client = second.CreateClient();

        Assert.Equal("49.000", await Jobs(client));
        var health = await client.Health();
        Assert.Equal("Degraded", health.Status());
        Assert.Single(health.ContentErrors());
    }

    [Fact]
    public async Task Development_ShowsEditorsABannerWithTheErrors()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots);
        var client = factory.CreateClient();
        await Jobs(client);

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();

        var banner = (await client.Html(Nota)).QuerySelector("main .inhoudsfouten")!;
        Assert.Contains("De inhoud bevat 1 fout", banner.TextContent, StringComparison.Ordinal);
        Assert.Contains($"{Cijfers}:{content.LineOf(Cijfers, "-49000")}:7", banner.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_NeverShowsResidentsTheErrors()
    {
        using var factory = new PerspectiefFactory(content.Root, snapshots, environment: "Production");
        var client = factory.CreateClient();
        await Jobs(client);

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();

        // The stylesheet in the head names the banner's class; the page itself must not have it.
        var document = await client.Html(Nota);
        Assert.Null(document.QuerySelector(".inhoudsfouten"));
        Assert.DoesNotContain("negatief", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("Degraded", (await client.Health()).Status());
    }

    public void Dispose()
    {
        content.Dispose();
        if (Directory.Exists(snapshots))
        {
            Directory.Delete(snapshots, recursive: true);
        }
    }
}
