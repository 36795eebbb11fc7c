using System.Globalization;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Components.Layout;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Sections;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Tests.Components;

/// <summary>The alternates component in a frame with the three outlets the layout and App.razor have (as divs: a parsed fragment keeps no head).</summary>
public sealed class LanguageAlternatesTests : ComponentTest
{
    private static readonly IReadOnlyList<LanguageAddress> Both = [new(SiteLanguage.Dutch, "/privacy"), new(SiteLanguage.English, "/en/privacy")];

    public LanguageAlternatesTests()
    {
        Services.AddLocalization();
        Services.AddSingleton(new PublicAddress(Options.Create(new SiteOptions { BaseUrl = "https://perspectief.almelo.nl" }), new HttpContextAccessor()));
    }

    [Fact]
    public void EnglishPage_WritesHreflangBothWays_TheSwitchToDutch_AndTheNotice()
    {
        var frame = RenderIn(SiteLanguage.English, Both);

        Assert.Equal(
            ["nl https://perspectief.almelo.nl/privacy", "en https://perspectief.almelo.nl/en/privacy", "x-default https://perspectief.almelo.nl/privacy"],
            frame.FindAll(".kop link[rel=alternate]").Select(l => $"{l.GetAttribute("hreflang")} {l.GetAttribute("href")}"));
        Assert.Equal("en_GB", frame.Find(".kop meta[property='og:locale']").GetAttribute("content"));
        Assert.Equal(["nl_NL"], frame.FindAll(".kop meta[property='og:locale:alternate']").Select(m => m.GetAttribute("content")));

        Assert.Equal("Language", frame.Find(".balk nav").GetAttribute("aria-label"));
        var link = Assert.Single(frame.FindAll(".balk nav a"));
        Assert.Equal(("/privacy", "nl", "nl", "Nederlands"), (link.GetAttribute("href"), link.GetAttribute("lang"), link.GetAttribute("hreflang"), link.TextContent));
        Assert.True(link.HasAttribute("data-zelfde-plek"));
        Assert.Equal("English", frame.Find(".balk nav span[aria-current=true][lang=en]").TextContent);

        var notice = frame.Find(".inhoud p.vertaling-melding");
        Assert.Equal("Translation. The official text is in Dutch.", notice.TextContent);
        Assert.Equal(("/privacy", "nl"), (notice.QuerySelector("a")!.GetAttribute("href"), notice.QuerySelector("a")!.GetAttribute("hreflang")));
    }

    [Fact]
    public void DutchPage_SwitchesToEnglish_WithoutANotice()
    {
        var frame = RenderIn(SiteLanguage.Dutch, Both);

        Assert.Equal(3, frame.FindAll(".kop link[rel=alternate]").Count);
        Assert.Equal("nl_NL", frame.Find(".kop meta[property='og:locale']").GetAttribute("content"));
        Assert.Equal("Taal", frame.Find(".balk nav").GetAttribute("aria-label"));
        Assert.Equal("/en/privacy", Assert.Single(frame.FindAll(".balk nav a")).GetAttribute("href"));
        Assert.Equal("Nederlands", frame.Find(".balk nav [aria-current]").TextContent);
        Assert.Empty(frame.FindAll(".inhoud *"));
    }

    [Fact]
    public void PageWithoutCounterpart_HasNoSwitchNoHreflangAndNoAlternateLocale()
    {
        var frame = RenderIn(SiteLanguage.Dutch, [new(SiteLanguage.Dutch, "/alleen-nederlands")]);

        Assert.Empty(frame.FindAll("link, meta[property='og:locale:alternate'], nav, .inhoud *"));
        Assert.Equal("nl_NL", frame.Find(".kop meta[property='og:locale']").GetAttribute("content"));
    }

    private IRenderedComponent<IComponent> RenderIn(SiteLanguage language, IReadOnlyList<LanguageAddress> pages)
    {
        // The localizer reads the request's culture, which PathLanguage sets from the address on the site; put back
        // after the render, so that no later test on this thread inherits it.
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = language.Culture;
        try
        {
            return Render(Frame(language, pages));
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }

    private static RenderFragment Frame(SiteLanguage language, IReadOnlyList<LanguageAddress> pages) =>
        builder =>
        {
            builder.OpenComponent<CascadingValue<SiteLanguage>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<SiteLanguage>.Value), language);
            builder.AddComponentParameter(2, nameof(CascadingValue<SiteLanguage>.IsFixed), true);
            builder.AddComponentParameter(3, nameof(CascadingValue<SiteLanguage>.ChildContent), (RenderFragment)(frame =>
            {
                foreach (var (name, section) in new[] { ("kop", LanguageAlternates.HeadSection), ("balk", LanguageAlternates.SwitchSection), ("inhoud", LanguageAlternates.NoticeSection) })
                {
                    frame.OpenElement(0, "div");
                    frame.AddAttribute(1, "class", name);
                    frame.OpenComponent<SectionOutlet>(2);
                    frame.AddComponentParameter(3, nameof(SectionOutlet.SectionName), section);
                    frame.CloseComponent();
                    frame.CloseElement();
                }
                frame.OpenComponent<LanguageAlternates>(4);
                frame.AddComponentParameter(5, nameof(LanguageAlternates.Pages), pages);
                frame.CloseComponent();
            }));
            builder.CloseComponent();
        };
}
