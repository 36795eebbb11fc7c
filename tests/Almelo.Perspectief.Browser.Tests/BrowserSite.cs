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

    private readonly ContentFixture content = ContentFixture.Reference();
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
    /// A new browser context (its own cookies, viewport, JavaScript setting) and page. Dispose it (<c>await using</c>):
    /// a context left open keeps its page, timers and circuit alive for every later test.
    /// </summary>
    public async Task<BrowserTab> NewPage(int width, int height, bool javaScript = true, bool reducedMotion = false, Uri? site = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            BaseURL = (site ?? BaseAddress).ToString(),
            JavaScriptEnabled = javaScript,
            Locale = "nl-NL",
            ReducedMotion = reducedMotion ? ReducedMotion.Reduce : ReducedMotion.NoPreference,
        });
        return new BrowserTab(await context.NewPageAsync(), javaScript);
    }

    /// <summary>
    /// The site's stylesheet is in effect: a page measured without it would pass a height or overflow check for the
    /// wrong reason.
    /// </summary>
    public static async Task AssertStyled(IPage page) =>
        Assert.Equal("#a4001d", await page.EvaluateAsync<string>("() => getComputedStyle(document.documentElement).getPropertyValue('--rood').trim()"));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        playwright?.Dispose();
        Factory?.Dispose();
        content.Dispose();
    }
}

/// <summary>A page in a browser context of its own; disposing it closes the context with its pages, sockets and circuit.</summary>
public sealed class BrowserTab(IPage page, bool javaScript) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public bool JavaScript { get; } = javaScript;

    public async ValueTask DisposeAsync() => await Page.Context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserTests : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}
