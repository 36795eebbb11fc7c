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
    public void Prerendered_ShowsEveryLaw()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        Assert.Equal(["Jeugdwet", "Wmo", "Participatiewet"], cut.FindAll(".wetten__lijst h4").Select(h => h.TextContent));
        Assert.Empty(cut.FindAll("button"));
    }

    [Fact]
    public void Interactive_ChoosingALaw_ShowsItsExplanationAndPressesItsButton()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var cut = Render<LawChooser>(p => p.Add(c => c.Slug, ContentFixture.Slug));

        cut.FindAll("button").Single(b => b.TextContent == "Participatiewet").Click();

        var shown = Assert.Single(cut.FindAll(".wetten__paneel"), p => !p.HasAttribute("hidden"));
        Assert.Equal("Participatiewet", shown.QuerySelector("h4")!.TextContent);
        Assert.Contains("bijstandsuitkering", shown.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll(".wetten__paneel").Count);
        Assert.Equal(["false", "false", "true"], cut.FindAll("button").Select(b => b.GetAttribute("aria-pressed")));
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
