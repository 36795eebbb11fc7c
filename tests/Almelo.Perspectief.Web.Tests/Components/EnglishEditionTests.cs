using System.Globalization;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Components.Publication;
using Almelo.Perspectief.Web.Content;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Tests.Components;

/// <summary>
/// The publication's parts given an English edition, rendered as on an English page (the cascading language and the
/// request's culture en-GB): the edition's words are the Dutch ones here, so whatever Dutch is left is interface text.
/// </summary>
public sealed class EnglishEditionTests : ComponentTest
{
    /// <summary>Interface text the parts wrote in Dutch before it moved to PublicationText.resx.</summary>
    private static readonly string[] DutchInterface =
    [
        "Bronnen", "Wijzigingen", "Bijgewerkt", "Berekend", "Voor de pers", "Gepubliceerd", "Kopieer link",
        "Alle stappen", "Komt nog", "Voorbij", "Gebeurd", "Zet in agenda", "Agenda en stukken", "Download als afbeelding",
        "De cijfers in een tabel", "Totaal", "Onderdeel", "Bedrag", "Wat betekenen", "Op deze pagina", "Hoe ver is het besluit",
        "Meepraten", "Alle cijfers als", "vergaderingen voor uw agenda", "Lees de volledige tekst", "Tekst downloaden",
        "Citaat van", "Plaats:", "bron:", "Bron:", "geraadpleegd",
    ];

    private readonly CultureInfo culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo uiCulture = CultureInfo.CurrentUICulture;

    public EnglishEditionTests()
    {
        CultureInfo.CurrentCulture = SiteLanguage.English.Culture;
        CultureInfo.CurrentUICulture = SiteLanguage.English.Culture;
        Services.AddSingleton<IContentSource>(new FixedContent(ReferenceNota.WithEnglish));
        Services.AddSingleton(Options.Create(new SiteOptions { BaseUrl = "https://perspectief.example/" }));
        Services.AddSingleton<IHttpContextAccessor>(new HttpContextAccessor());
        Services.AddSingleton<PublicAddress>();
        Services.AddSingleton(TimeProvider.System);
    }

    [Fact]
    public void EnglishEdition_EveryPart_HasNoDutchInterfaceText()
    {
        var english = ReferenceNota.English;
        var before = new DateOnly(2025, 6, 1);
        var html = string.Concat(
            RenderEnglish<PressSection>(p => p.Add(c => c.Publication, english)),
            RenderEnglish<MeetingList>(p => p.Add(c => c.Publication, english).Add(c => c.Today, before).Add(c => c.Council, ReferenceNota.Content.Site?.Council)),
            RenderEnglish<TimelineBlock>(p => p.Add(c => c.Publication, english).Add(c => c.Today, before)),
            RenderEnglish<StatusNotice>(p => p.Add(c => c.Publication, english).Add(c => c.Today, before)),
            RenderEnglish<FigureList>(p => p.Add(c => c.Publication, english).Add(c => c.Figures, english.Figures)),
            RenderEnglish<SectionNav>(p => p.Add(c => c.Publication, english).Add(c => c.Items, [("voor-u", "Voor u")])),
            RenderEnglish<GlossarySection>(p => p.Add(c => c.Terms, english.Glossary)),
            string.Concat(english.Charts.Select(chart => RenderEnglish<ChartFigure>(p => p.Add(c => c.Publication, english).Add(c => c.Chart, chart)))));

        // The text a reader sees or hears (class names such as cijfer--berekend are not).
        var markup = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        Assert.Empty(DutchInterface.Where(word => markup.Contains(word, StringComparison.Ordinal)).Select(word => $"{word}: {markup.AsSpan(Math.Max(0, markup.IndexOf(word, StringComparison.Ordinal) - 40), 100)}"));
        Assert.Contains("For the press", markup, StringComparison.Ordinal);
        Assert.Contains("All steps of the decision", markup, StringComparison.Ordinal);
        Assert.Contains("data-kop=\"Value\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void EnglishEdition_FiguresAndDates_FollowEnglishFormatting()
    {
        var english = ReferenceNota.English;

        var figures = Render<FigureList>(p => p.AddCascadingValue(SiteLanguage.English).Add(c => c.Publication, english).Add(c => c.Figures, english.Figures));
        var meetings = Render<MeetingList>(p => p.AddCascadingValue(SiteLanguage.English).Add(c => c.Publication, english).Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal("€30\u00A0million", figures.Find("#cijfer-besparing-totaal .cijfer__waarde").TextContent);
        Assert.Equal("fewer than 42,250", figures.Find("#cijfer-banen-2018 .cijfer__waarde").TextContent);
        Assert.Equal("49,000 − more than 6,750", figures.Find("#cijfer-banen-2018 .berekening").TextContent);
        Assert.Equal("Computed", figures.Find("#cijfer-banen-2018 .label-zelf").TextContent);
        Assert.Equal("Source 1", figures.Find("#cijfer-besparing-totaal a.bron-link").TextContent);
        Assert.Equal("Tuesday 1 July 2025", meetings.Find("time").TextContent);
        Assert.Equal("Still to come", meetings.Find(".vergadering__status").TextContent);
    }

    [Fact]
    public void EnglishEdition_ChartFigure_LinksTheEnglishPicturesAndFormatsItsTable()
    {
        var english = ReferenceNota.English;
        var chart = english.Charts.First(c => c.Kind == ChartKind.Verdeling);

        var cut = Render<ChartFigure>(p => p.AddCascadingValue(SiteLanguage.English).Add(c => c.Publication, english).Add(c => c.Chart, chart));

        Assert.Equal($"/en/{english.Slug}/grafiek/{chart.Id}.png", cut.Find(".grafiek__download a[href$='.png']").GetAttribute("href"));
        Assert.Equal($"/en/{english.Slug}/grafiek/{chart.Id}.svg", cut.Find(".grafiek__download a[href$='.svg']").GetAttribute("href"));
        Assert.Equal($"{english.Slug}-{chart.Id}.en.png", cut.Find(".grafiek__download a[href$='.png']").GetAttribute("download"));
        Assert.Equal("€30\u00A0million", cut.Find(".cijfertabel tfoot td").TextContent);
        Assert.Equal(["Part", "Amount", "Share of total"], cut.FindAll(".cijfertabel thead th").Select(th => th.TextContent));
    }

    [Fact]
    public void EnglishEdition_UntranslatedSourceTitle_IsMarkedDutch_AndSourcePagesSayTheyAreDutch()
    {
        var english = ReferenceNota.English;

        var cut = Render<SourceList>(p => p.AddCascadingValue(SiteLanguage.English).Add(c => c.Publication, english).Add(c => c.Sources, english.Sources));

        Assert.All(english.Sources, source => Assert.Equal("nl", cut.Find($"#bron-{source.Id} [lang]").GetAttribute("lang")));
        Assert.NotEmpty(cut.FindAll("a[href*='/bron/']"));
        Assert.All(cut.FindAll("a[href*='/bron/']"), a => Assert.Equal("nl", a.GetAttribute("hreflang")));
    }

    [Fact]
    public void EnglishEdition_TranslatedSourceTitle_IsNotMarkedDutch()
    {
        var english = ReferenceNota.English;
        var source = english.Sources[0] with { Title = "Press release", TitleLanguage = SiteLanguage.English };

        var cut = Render<SourceName>(p => p.AddCascadingValue(SiteLanguage.English).Add(c => c.Source, source));

        Assert.Empty(cut.FindAll("[lang]"));
    }

    [Fact]
    public void DutchEdition_SourceList_HasNoLanguageMarks()
    {
        var cut = Render<SourceList>(p => p.Add(c => c.Publication, ReferenceNota.Publication).Add(c => c.Sources, ReferenceNota.Publication.Sources));

        Assert.Empty(cut.FindAll("[lang], [hreflang]"));
    }

    private string RenderEnglish<T>(Action<ComponentParameterCollectionBuilder<T>> parameters)
        where T : IComponent =>
        Render<T>(p =>
        {
            p.AddCascadingValue(SiteLanguage.English);
            parameters(p);
        }).Markup;

    protected override void Dispose(bool disposing)
    {
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = uiCulture;
        base.Dispose(disposing);
    }
}
