using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Almelo.Perspectief.Web.Tests;
using Microsoft.Playwright;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>
/// The site on the reference content on a real Kestrel port, and Debian's Chromium driven by Playwright.
/// Shared by all browser tests: one server, one browser, a fresh context per test.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// When set (CI sets it), every context records a Playwright trace, written to this folder when it is closed
    /// through <see cref="Close"/> or when the fixture ends; CI uploads the folder when a test failed.
    /// </summary>
    private static readonly string? TracesFolder = Environment.GetEnvironmentVariable("PLAYWRIGHT_TRACES_DIR") is { Length: > 0 } folder ? folder : null;

    private readonly ContentFixture content = ContentFixture.Reference();
    private readonly ConcurrentDictionary<IBrowserContext, string> traces = new();
    private int traceCount;
    private IPlaywright? playwright;

    public PerspectiefFactory Factory { get; private set; } = default!;

    public IBrowser Browser { get; private set; } = default!;

    public Uri BaseAddress { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}: run tests/run.sh, which installs Debian's chromium package.");
        }
        (Factory, BaseAddress) = Host(content.Root);

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
    }

    /// <summary>The site on the given content, on a free port of its own.</summary>
    public static (PerspectiefFactory Factory, Uri Address) Host(string contentRoot)
    {
        var factory = new PerspectiefFactory(contentRoot);
        return (factory, factory.StartOnRealPort());
    }

    /// <summary>
    /// A new browser context (its own cookies, viewport, JavaScript setting) and page; its trace, when traces are
    /// recorded, is named after the calling test. Dispose it (<c>await using</c>): a context left open keeps its page,
    /// timers and circuit alive for every later test.
    /// </summary>
    public async Task<BrowserTab> NewPage(int width, int height, bool javaScript = true, bool reducedMotion = false, Uri? site = null, [CallerMemberName] string test = "")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = (site ?? BaseAddress).ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        if (TracesFolder is not null)
        {
            await context.Tracing.StartAsync(new TracingStartOptions { Title = test, Snapshots = true });
            traces[context] = $"{Interlocked.Increment(ref traceCount):000}-{test}";
        }
        var page = await context.NewPageAsync();
        return new BrowserTab(page, javaScript, () => Close(page));
    }

    /// <summary>Closes the page's browser context, after writing its trace when traces are recorded.</summary>
    private async Task Close(IPage page)
    {
        await SaveTrace(page.Context);
        await page.Context.CloseAsync();
    }

    private async Task SaveTrace(IBrowserContext context)
    {
        if (traces.TryRemove(context, out var name))
        {
            await context.Tracing.StopAsync(new TracingStopOptions { Path = Path.Combine(TracesFolder!, name + ".zip") });
        }
    }

    /// <summary>
    /// The site's stylesheet is in effect: a page measured without it would pass a height or overflow check for the
    /// wrong reason.
    /// </summary>
    public static async Task AssertStyled(IPage page) =>
        Assert.Equal("#a4001d", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--rood').trim()"));

    public async Task DisposeAsync()
    {
        foreach (var context in traces.Keys)
        {
            await SaveTrace(context);
        }
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        Factory?.Dispose();
        content.Dispose();
    }
}

/// <summary>
/// A page in a browser context of its own; disposing it closes the context with its pages, sockets and circuit (after
/// writing its trace, when traces are recorded).
/// </summary>
public sealed class BrowserTab(IPage page, bool javaScript, Func<Task> close) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public bool JavaScript { get; } = javaScript;

    public async ValueTask DisposeAsync() => await close();
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
