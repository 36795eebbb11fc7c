using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>The Content-Security-Policy leaves everything working, and the island shrugs off hostile circuit messages.</summary>
[Collection(BrowserTests.Name)]
public sealed class SecurityBrowserTests(BrowserSite site)
{
    private const string Nota = "/perspectiefnota-2026-2029";

    [Fact]
    public async Task ContentSecurityPolicy_IsNeverViolated_ByChartsIslandOrEnhancedNavigation()
    {
        await using var tab = await site.NewPage(1280, 800);
        var page = tab.Page;
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.AddInitScriptAsync("window.__csp = []; document.addEventListener('securitypolicyviolation', e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // Enhanced navigation: Blazor swaps the page in without a reload, and the charts are drawn afterwards.
        await page.Locator(".publicaties a").First.ClickAsync();
        await page.Locator("#grafiek-groei-banen canvas").ScrollIntoViewIfNeededAsync();
        await Assertions.Expect(page.Locator("#grafiek-groei-banen canvas")).ToHaveAttributeAsync("data-getekend", "ja");
        // Blazor starts when a reader comes near the island.
        await page.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" })).ToHaveAttributeAsync("aria-expanded", "true");
        await page.Locator("header a.site-naam").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Publicaties van de gemeente Almelo");

        Assert.True(await page.EvaluateAsync<bool>("() => performance.getEntriesByType('navigation').length === 1"), "the navigation was not enhanced");
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__csp"));
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task MalformedCircuitMessages_AreRejected_WithoutAffectingOtherReaders()
    {
        await using var readerTab = await site.NewPage(1280, 800);
        var reader = readerTab.Page;
        await reader.GotoAsync(Nota);
        // Blazor starts when a reader comes near the island.
        await reader.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await reader.GetByRole(AriaRole.Button, new() { Name = "Wmo" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Wmo" })).ToHaveAttributeAsync("aria-expanded", "true");

        await using var attackerTab = await site.NewPage(1280, 800);

        var attacker = attackerTab.Page;
        await attacker.GotoAsync(Nota);
        var outcome = await attacker.EvaluateAsync<string[]>(@"async () => {
            const results = [];
            async function attack(messages) {
                const negotiate = await fetch('/_blazor/negotiate?negotiateVersion=1', { method: 'POST' });
                if (!negotiate.ok) { results.push('negotiate ' + negotiate.status); return; }
                const info = await negotiate.json();
                const socket = new WebSocket(location.origin.replace('http', 'ws') + '/_blazor?id=' + info.connectionToken);
                await new Promise((resolve, reject) => { socket.onopen = resolve; socket.onerror = resolve; });
                for (const message of messages) { try { socket.send(message); } catch (e) { results.push('send ' + e.name); } }
                results.push(await new Promise(resolve => { socket.onclose = e => resolve('closed ' + e.code); setTimeout(() => resolve('open'), 3000); }));
                socket.close();
            }
            await attack(['{""protocol"":""nonsense"",""version"":99}\u001e']);
            // A framed message of bytes that MessagePack never uses (0xc1). (A frame that only announces a large
            // message is a slow client: the server waits, within MaximumReceiveMessageSize and its client timeout.)
            await attack(['{""protocol"":""blazorpack"",""version"":1}\u001e', new Uint8Array([0x05, 0xc1, 0xc1, 0xc1, 0xc1, 0xc1])]);
            await attack(['{""protocol"":""blazorpack"",""version"":1}\u001e', new Uint8Array(200000).fill(0x41)]);
            await attack(['{""protocol"":""json"",""version"":1}\u001e', '{""type"":1,""target"":""StartCircuit"",""arguments"":[""x"",""y"",""[[["",""""]}\u001e']);
            await attack(['not a handshake at all', 'x'.repeat(50000)]);
            return results;
        }");

        // Every hostile connection was closed by the server (or never got further than the handshake).
        Assert.True(outcome.Count(o => o.StartsWith("closed", StringComparison.Ordinal) || o.StartsWith("negotiate", StringComparison.Ordinal)) == 5, string.Join(" | ", outcome));

        // The other reader's island still answers, and a new reader gets a working island too.
        await reader.GetByRole(AriaRole.Button, new() { Name = "Jeugdwet" }).ClickAsync();
        await Assertions.Expect(reader.GetByRole(AriaRole.Button, new() { Name = "Jeugdwet" })).ToHaveAttributeAsync("aria-expanded", "true");
        await using var newcomerTab = await site.NewPage(360, 740);
        var newcomer = newcomerTab.Page;
        await newcomer.GotoAsync(Nota);
        await newcomer.Locator("#wetten").ScrollIntoViewIfNeededAsync();
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" }).ClickAsync();
        await Assertions.Expect(newcomer.GetByRole(AriaRole.Button, new() { Name = "Participatiewet" })).ToHaveAttributeAsync("aria-expanded", "true");
    }
}
