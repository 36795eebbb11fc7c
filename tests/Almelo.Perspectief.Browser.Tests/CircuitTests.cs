using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Tests;
using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>
/// Circuits on demand: a reader who never reaches the law chooser costs no script and no circuit; when it starts nothing
/// moves, and when its connection goes a tap still opens the law.
/// </summary>
[Collection(BrowserTests.Name)]
public sealed class CircuitTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    private static List<string> Sockets(IPage page)
    {
        var sockets = new List<string>();
        page.WebSocket += (_, socket) =>
        {
            lock (sockets)
            {
                sockets.Add(socket.Url);
            }
        };
        return sockets;
    }

    [Fact]
    public async Task ReaderWhoDoesNotScroll_OpensNoCircuit_AndDownloadsNoBlazorScript()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        var sockets = Sockets(page);
        var scripts = new List<string>();
        page.Request += (_, request) =>
        {
            lock (scripts)
            {
                scripts.Add(request.Url);
            }
        };

        await page.GotoAsync(Nota);
        // Whatever the page loads by itself, it has loaded once the network has been quiet for half a second.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        lock (sockets)
        {
            Assert.DoesNotContain(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        }
        lock (scripts)
        {
            Assert.DoesNotContain(scripts, url => url.Contains("blazor.web", StringComparison.Ordinal) || url.Contains("/_blazor", StringComparison.Ordinal));
        }
        // The prerendered island is complete: every law is on the page.
        Assert.Equal(3, await page.Locator(".wetten__lijst summary").CountAsync());
    }

    [Fact]
    public async Task ReaderWhoScrollsToTheIsland_GetsACircuit_AndTheToggleAnswers()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        var sockets = Sockets(page);
        await page.GotoAsync(Nota);

        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        var wmo = page.GetByRole(AriaRole.Button, new() { Name = "Wmo" });
        await wmo.ClickAsync(new() { Timeout = 10_000 });

        await Assertions.Expect(wmo).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".wetten__lijst li:has(p:not([hidden])) .wet-knop")).ToHaveTextAsync("Wmo");
        lock (sockets)
        {
            Assert.Single(sockets, url => url.Contains("/_blazor", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PageOlderThanTheDescriptorLifetime_StillGetsAWorkingIsland()
    {
        // A page from a shared cache can be older than the five minutes its island's descriptor is valid for; the
        // server then refuses that descriptor. Give the loaded page a descriptor the server cannot accept.
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        var spoiled = await page.EvaluateAsync<int>("""
            () => {
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
                let count = 0;
                while (walker.nextNode()) {
                    const comment = walker.currentNode;
                    if (comment.data.includes('"descriptor":"CfDJ8')) {
                        comment.data = comment.data.replace('"descriptor":"CfDJ8', '"descriptor":"CfDJ8-verlopen');
                        count++;
                    }
                }
                return count;
            }
            """);
        Assert.Equal(1, spoiled);

        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        var participatiewet = page.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" });
        await participatiewet.ClickAsync(new() { Timeout = 10_000 });

        await Assertions.Expect(participatiewet).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(page.Locator(".wetten__lijst li:has(p:not([hidden])) .wet-knop")).ToHaveTextAsync("Participatiewet");
    }

    [Fact]
    public async Task ReaderOverTheCircuitCap_KeepsTheStaticLawList_WithoutErrorOrReconnectUi()
    {
        using var content = ContentFixture.Reference();
        await using var factory = new PerspectiefFactory(content.Root).WithSetting("Circuits:MaxCircuitsPerClient", "1");
        var address = factory.StartOnRealPort();
        // Another connection from the same address takes the only place.
        using var taken = new ClientWebSocket();
        await taken.ConnectAsync(new UriBuilder(new Uri(address, "/_blazor")) { Scheme = "ws" }.Uri, CancellationToken.None);
        await taken.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        await taken.ReceiveAsync(new byte[64], CancellationToken.None);
        await using var tab = await site.NewPage(1280, 800, site: address);
        var page = tab.Page;
        await page.GotoAsync(Nota);

        var refused = page.WaitForResponseAsync(r => r.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal));
        var given = page.WaitForConsoleMessageAsync(new() { Predicate = m => m.Text.Contains("Failed to start the connection", StringComparison.Ordinal), Timeout = 15_000 });
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();

        Assert.Equal(429, (await refused).Status);
        await given;
        Assert.Equal(3, await page.Locator(".wetten__lijst summary").CountAsync());
        Assert.Equal(0, await page.Locator("#components-reconnect-modal:visible, .components-reconnect-overlay:visible, #blazor-error-ui:visible").CountAsync());
    }

    /// <summary>Scrolls to the island and waits until it is live (the laws are buttons).</summary>
    private static async Task StartIsland(IPage page)
    {
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#wetten .wet-knop").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
    }

    [Fact]
    public async Task IslandOffline_TapOnALaw_StillShowsThatLaw()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        await page.GotoAsync(Nota);
        await StartIsland(page);

        await page.Context.SetOfflineAsync(true);
        await page.Locator("#wetten").GetByText("Wmo", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#wet-wmo p")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#wet-wmo p")).ToContainTextAsync("Wmo");
        Assert.Equal(1, await page.Locator(".wetten").Filter(new() { Visible = true }).CountAsync());
    }

    [Fact]
    public async Task IslandWhoseConnectionDrops_TapOnALaw_StillShowsThatLaw()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        var sockets = new List<IWebSocketRoute>();
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            socket.ConnectToServer();
            lock (sockets)
            {
                sockets.Add(socket);
            }
        });
        await page.GotoAsync(Nota);
        await StartIsland(page);

        IWebSocketRoute circuit;
        lock (sockets)
        {
            circuit = Assert.Single(sockets);
        }
        await circuit.CloseAsync();
        await page.Locator("#wetten").GetByText("Participatiewet", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#wet-participatiewet p")).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator(".wetten").Filter(new() { Visible = true }).CountAsync());
        Assert.Equal(0, await page.Locator("#components-reconnect-modal:visible, .components-reconnect-overlay:visible, #blazor-error-ui:visible").CountAsync());
    }

    [Fact]
    public async Task IslandWhoseTapGetsNoAnswer_ShowsThatLawWithinSeconds()
    {
        await using var tab = await site.NewPage(360, 740);
        var page = tab.Page;
        var silent = false;
        await page.RouteWebSocketAsync(new Regex("/_blazor"), socket =>
        {
            var server = socket.ConnectToServer();
            // The page's messages reach the server until the test silences them: a connection that looks open but carries nothing.
            socket.OnMessage(frame =>
            {
                if (Volatile.Read(ref silent))
                {
                    return;
                }
                if (frame.Binary is { } bytes)
                {
                    server.Send(bytes);
                }
                else
                {
                    server.Send(frame.Text ?? string.Empty);
                }
            });
        });
        await page.GotoAsync(Nota);
        await StartIsland(page);

        Volatile.Write(ref silent, true);
        await page.Locator("#wetten").GetByText("Wmo", new() { Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator("#wet-wmo p")).ToBeVisibleAsync(new() { Timeout = 10_000 });
        Assert.Equal(1, await page.Locator(".wetten").Filter(new() { Visible = true }).CountAsync());
    }

    [Theory]
    [InlineData(360, 740)]
    [InlineData(1280, 800)]
    public async Task IslandStart_InView_MovesNothing(int width, int height)
    {
        await using var tab = await site.NewPage(width, height);
        var page = tab.Page;
        // Charts are drawn when they come near too; without their script they stay as they are, so that what moves is the island's doing.
        await page.RouteAsync("**/lib/chart.js/**", route => route.AbortAsync());
        // Layout shifts without recent input whose moved elements are the island's or come after it.
        await page.AddInitScriptAsync("""
            window.__verschuivingen = [];
            new PerformanceObserver((list) => list.getEntries().forEach((entry) => {
                const island = document.getElementById('wetten');
                const moved = island && !entry.hadRecentInput && entry.sources.some((source) => source.node
                    && (island.contains(source.node) || (island.compareDocumentPosition(source.node) & Node.DOCUMENT_POSITION_FOLLOWING)));
                if (moved) window.__verschuivingen.push(entry.value);
            })).observe({ type: 'layout-shift', buffered: true });
            """);
        await page.GotoAsync(Nota);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var before = await page.EvaluateAsync<double>("() => document.getElementById('wetten').getBoundingClientRect().height");

        await StartIsland(page);
        // Two frames after the live island rendered: any shift it caused has been reported by then.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");

        var after = await page.EvaluateAsync<double>("() => document.getElementById('wetten').getBoundingClientRect().height");
        Assert.InRange(after, before - 0.5, before + 0.5);
        var shift = await page.EvaluateAsync<double>("() => window.__verschuivingen.reduce((a, b) => a + b, 0)");
        Assert.True(shift < 0.001, $"The island's start shifted the page by {shift}.");
    }
}
