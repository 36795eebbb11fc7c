using Almelo.Perspectief.Web.Components.Publication;
using Almelo.Perspectief.Web.Content;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests.Components;

public sealed class LawChooserTests : ComponentTest
{
    private readonly ContentFixture content = ContentFixture.Reference();

    public LawChooserTests()
    {
        var options = Options.Create(new ContentOptions { Path = content.Root, SnapshotPath = Path.Combine(content.Root, "..", "snap-" + Guid.NewGuid().ToString("N")) });
        var store = new ContentStore(options, new TestEnvironment(), NullLogger<ContentStore>.Instance, TimeProvider.System);
        store.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        Services.AddSingleton<IContentSource>(store);
        Services.AddSingleton(store);
    }

    [Fact]
    public void Prerendered_ShowsEveryLawAsADisclosureWithoutAHeadingInItsSummary()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        Assert.Equal(["Jeugdwet", "Wmo", "Participatiewet"], cut.FindAll(".wetten__lijst summary").Select(h => h.TextContent));
        Assert.Empty(cut.FindAll("summary h4, summary h3"));
        Assert.Equal([false, false, false], cut.FindAll(".wetten__lijst details").Select(d => d.HasAttribute("open")));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Interactive_StartsAsTheSameListWithEveryLawFolded()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        // The same items, ids and order as the prerendered list, so that nothing moves when the island starts.
        Assert.Equal(["wet-jeugdwet", "wet-wmo", "wet-participatiewet"], cut.FindAll(".wetten__lijst > li").Select(li => li.Id));
        Assert.Equal(["false", "false", "false"], cut.FindAll("button").Select(b => b.GetAttribute("aria-expanded")));
        Assert.Equal([true, true, true], cut.FindAll(".wetten__lijst p").Select(p => p.HasAttribute("hidden")));
    }

    [Fact]
    public void Interactive_ChoosingALaw_OpensItsExplanationAndClosesTheOther()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        cut.FindAll("button").Single(b => b.TextContent == "Participatiewet").Click();

        var button = cut.FindAll("button").Single(b => b.TextContent == "Participatiewet");
        var shown = Assert.Single(cut.FindAll(".wetten__lijst p"), p => !p.HasAttribute("hidden"));
        Assert.Equal(button.GetAttribute("aria-controls"), shown.Id);
        Assert.Contains("bijstandsuitkering", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal(["false", "false", "true"], cut.FindAll("button").Select(b => b.GetAttribute("aria-expanded")));
    }

    [Fact]
    public void Interactive_ChoosingTheOpenLaw_FoldsIt()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        cut.FindAll("button").Single(b => b.TextContent == "Jeugdwet").Click();
        Assert.Equal(["true", "false", "false"], cut.FindAll("button").Select(b => b.GetAttribute("aria-expanded")));

        cut.FindAll("button").Single(b => b.TextContent == "Jeugdwet").Click();

        Assert.Equal(["false", "false", "false"], cut.FindAll("button").Select(b => b.GetAttribute("aria-expanded")));
        Assert.All(cut.FindAll(".wetten__lijst p"), p => Assert.True(p.HasAttribute("hidden")));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        content.Dispose();
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Development";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
