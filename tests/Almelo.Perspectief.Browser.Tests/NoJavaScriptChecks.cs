using Microsoft.Playwright;

namespace Almelo.Perspectief.Browser.Tests;

/// <summary>What a reader without JavaScript must find on the publication page: the live site and the export alike.</summary>
internal static class NoJavaScriptChecks
{
    public static async Task AssertPublicationIsComplete(IPage page)
    {
        Assert.Equal(11, await page.Locator(".cijfer .cijfer__waarde").CountAsync());
        await Assertions.Expect(page.Locator("#cijfer-besparing-sociaal-domein .cijfer__waarde")).ToHaveTextAsync("€ 20 miljoen");
        // Each chart's table is in the page, folded in a <details> that opens without JavaScript.
        Assert.Equal(2, await page.Locator("figure.grafiek details.grafiek-tabel table").CountAsync());
        var firstTable = page.Locator("figure.grafiek details.grafiek-tabel").First;
        await firstTable.Locator("summary").ClickAsync();
        await Assertions.Expect(firstTable.Locator("table")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator(".grafiek-canvas").Filter(new() { Visible = true }).CountAsync());
        Assert.Equal(8, await page.Locator("section.sectie").CountAsync());
        Assert.Equal(3, await page.Locator("li.vergadering").CountAsync());
        foreach (var law in new[] { "Jeugdwet", "Wmo", "Participatiewet" })
        {
            await Assertions.Expect(page.Locator(".wetten__lijst summary", new() { HasText = law })).ToBeVisibleAsync();
        }
        var text = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("laden", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("loading", text, StringComparison.OrdinalIgnoreCase);
    }
}
