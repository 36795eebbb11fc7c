using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>The reference content (the Perspectiefnota as published): complete, and every derived figure computed right.</summary>
public sealed class ReferenceContentTests
{
    private static readonly Lazy<Publication> Nota = new(() =>
    {
        var result = ContentLoader.Load(ContentFixture.ReferenceContent);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Snapshot!.Find(ContentFixture.Slug)!;
    });

    private static Figure Figure(string id) => Nota.Value.FindFigure(id) ?? throw new InvalidOperationException(id);

    [Fact]
    public void Load_ReferenceContent_KeepsTheSectionOrderOfTheText() =>
        Assert.Equal(
            ["in-het-kort", "besparing", "waar-bespaard", "voor-u", "vergaderingen", "banen", "cijfers"],
            Nota.Value.Sections.Select(s => s.Id));

    [Fact]
    public void Load_ReferenceContent_HoldsEveryFactOfThePressRelease()
    {
        // The text answers residents' questions in its own words; each fact of the press release is in it
        // (figures as {cijfer:id}), and the press release itself is shipped in full as a source.
        var text = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, ContentFixture.Slug, "tekst.md"));
        string[] facts =
        [
            "{cijfer:besparing-totaal}", "{cijfer:aandeel-sociaal-domein}", "{cijfer:banen-groei}", "{cijfer:banen-2024}", "{cijfer:aandeel-hightech}",
            "Jeugdwet", "Wmo", "Participatiewet", "minder geld van het Rijk", "eind 2024", "vorig jaar", "financieel gezond",
            "familie, vrienden of buren", "elkaar helpen", "het hardst nodig", "welke zorg het meeste effect heeft",
            "1 juli 2025", "8 en 10 juli", "politieke avond", "besluitvormende vergaderingen", "hightech-maakindustrie", "voorjaar van 2024",
        ];
        Assert.All(facts, fact => Assert.Contains(fact, text, StringComparison.Ordinal));
        Assert.True(Nota.Value.Sources.Single(s => s.Id == "persbericht").File is { Bytes.Length: > 3000 });
        Assert.Contains("Rijk veel te weinig middelen", Nota.Value.Quote!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReferenceContent_SaysWhereThePressReleaseIsSilent()
    {
        var text = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, ContentFixture.Slug, "tekst.md"));

        Assert.Contains("zegt het persbericht niet", text, StringComparison.Ordinal);
        Assert.Contains("Het noemt geen tijd of plaats.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReferenceContent_KeepsTheOldSectionIdsAsAliases() =>
        Assert.Equal(
            new Dictionary<string, string> { ["persbericht"] = "in-het-kort", ["keuzes"] = "waar-bespaard", ["sociaal-domein"] = "voor-u", ["woningbouw"] = "banen" },
            Nota.Value.Aliases);

    [Fact]
    public void StatedFigures_HaveValueUnitLabelAndTheirSource()
    {
        Assert.Equal(30_000_000m, Figure("besparing-totaal").Value.ToDecimal());
        Assert.Equal(FigureUnit.Euro, Figure("besparing-totaal").Unit);
        Assert.Equal(new Rational(2, 3), Figure("aandeel-sociaal-domein").Value);
        Assert.Equal(49_000m, Figure("banen-2024").Value.ToDecimal());
        Assert.Equal(6_750m, Figure("banen-groei").Value.ToDecimal());
        Assert.Equal(Approximation.Ruim, Figure("banen-groei").Approximation);
        Assert.Equal(0.4m, Figure("aandeel-hightech").Value.ToDecimal());
        foreach (var figure in Nota.Value.Figures.Where(f => !f.IsDerived))
        {
            Assert.False(string.IsNullOrWhiteSpace(figure.Label));
            Assert.Equal("persbericht", figure.Source!.Id);
            Assert.Equal(new DateOnly(2025, 5, 28), figure.Source.Date);
        }
    }

    [Fact]
    public void Derived_SociaalDomeinAmount_IsTwoThirdsOfTheSavingsExactly()
    {
        var figure = Figure("besparing-sociaal-domein");

        Assert.True(figure.IsDerived);
        Assert.Equal(20_000_000m, figure.Value.ToDecimal());
        Assert.Equal(Approximation.None, figure.Approximation);
        Assert.Equal(["besparing-totaal", "aandeel-sociaal-domein"], figure.Derivation!.Inputs.Select(i => i.Id));
        Assert.Equal("€\u00A020\u00A0miljoen", TextFormat.Dutch.InText(figure));
    }

    [Fact]
    public void Derived_RestOfTheSavings_IsTenMillion()
    {
        var figure = Figure("besparing-overig");

        Assert.Equal(10_000_000m, figure.Value.ToDecimal());
        Assert.Equal("€\u00A030\u00A0miljoen − €\u00A020\u00A0miljoen = €\u00A010\u00A0miljoen", TextFormat.Dutch.Calculation(figure));
    }

    [Fact]
    public void Derived_JobsIn2018_IsJobs2024MinusGrowth_AndApproximateBecauseGrowthIsRuim()
    {
        var figure = Figure("banen-2018");

        Assert.Equal(42_250m, figure.Value.ToDecimal());
        Assert.Equal(Approximation.MinderDan, figure.Approximation);
        Assert.Equal("minder dan 42.250", TextFormat.Dutch.InText(figure));
        Assert.Equal("49.000 − ruim 6.750 = minder dan 42.250", TextFormat.Dutch.Calculation(figure));
    }

    [Fact]
    public void Derived_NewHightechJobs_IsFortyPercentOfTheGrowth()
    {
        var figure = Figure("banen-hightech");

        Assert.Equal(2_700m, figure.Value.ToDecimal());
        Assert.Equal("ruim 2.700", TextFormat.Dutch.InText(figure));
        Assert.Equal("ruim 6.750 × 40% = ruim 2.700", TextFormat.Dutch.Calculation(figure));
        Assert.Equal("ruim 6.750 × 40%", TextFormat.Dutch.CalculationInputs(figure));
    }

    [Fact]
    public void Derived_OtherNewJobs_AddUpWithHightechToTheGrowth()
    {
        Assert.Equal(4_050m, Figure("banen-groei-overig").Value.ToDecimal());
        Assert.Equal("ruim 4.050", TextFormat.Dutch.InText(Figure("banen-groei-overig")));
        Assert.Equal("ruim 6.750 × 60% = ruim 4.050", TextFormat.Dutch.Calculation(Figure("banen-groei-overig")));
        Assert.Equal(
            Figure("banen-groei").Value.ToDecimal(),
            Figure("banen-groei-overig").Value.ToDecimal() + Figure("banen-hightech").Value.ToDecimal());
    }

    [Fact]
    public void DerivedFigures_CarryTheSourcesOfTheirInputs()
    {
        foreach (var figure in Nota.Value.Figures.Where(f => f.IsDerived))
        {
            Assert.Null(figure.Source);
            Assert.Equal(["persbericht"], figure.Sources.Select(s => s.Id));
        }
    }

    [Fact]
    public void Meetings_AreTheThreeCouncilMeetingsOfJuly2025_InOrder()
    {
        var meetings = Nota.Value.Meetings;

        Assert.Equal([new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 8), new DateOnly(2025, 7, 10)], meetings.Select(m => m.Date));
        Assert.Equal([MeetingKind.PolitiekeAvond, MeetingKind.Besluitvormend, MeetingKind.Besluitvormend], meetings.Select(m => m.Kind));
        Assert.Equal(["dinsdag 1 juli 2025", "dinsdag 8 juli 2025", "donderdag 10 juli 2025"], meetings.Select(m => TextFormat.Dutch.LongDate(m.Date)));
    }

    [Fact]
    public void Meetings_HavePassedInLate2026() =>
        Assert.All(Nota.Value.Meetings, m => Assert.True(m.HasPassed(new DateOnly(2026, 11, 26))));

    [Fact]
    public void Charts_SplitOfTheSavingsAddsUpToTheTotal()
    {
        var chart = Nota.Value.Charts.Single(c => c.Id == "verdeling-besparing");

        Assert.Equal(ChartKind.Verdeling, chart.Kind);
        Assert.Equal(chart.Total!.Value.ToDecimal(), chart.Parts.Sum(p => p.Figure.Value.ToDecimal()));
        Assert.Contains("€\u00A020\u00A0miljoen", chart.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("{cijfer:", chart.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void ChartTitle_FillsFiguresFromCijfersJson() =>
        Assert.Equal("Waar Almelo €\u00A030\u00A0miljoen bespaart", Nota.Value.Charts.Single(c => c.Id == "verdeling-besparing").Title);

    [Fact]
    public void Summary_FillsFiguresFromCijfersJson() =>
        Assert.StartsWith("Almelo moet structureel €\u00A030\u00A0miljoen besparen", Nota.Value.Summary, StringComparison.Ordinal);

    [Fact]
    public void Glossary_LinksEachTermOnceAtItsFirstUseInPageOrder()
    {
        var html = string.Concat(Nota.Value.Sections.Select(s => s.Html));

        foreach (var term in Nota.Value.Glossary.Where(t => t.Id != "besluitvormende-vergadering" || html.Contains("besluitvormend", StringComparison.Ordinal)))
        {
            var link = $"href=\"/perspectiefnota-2026-2029#begrip-{term.Id}\"";
            Assert.Equal(1, html.Split(link).Length - 1);
        }
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-sociaal-domein\" class=\"begrip\">sociaal domein</a>", Nota.Value.FindSection("in-het-kort")!.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-college-van-b-en-w\" class=\"begrip\">college van B&amp;W</a>", Nota.Value.FindSection("waar-bespaard")!.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-besluitvormende-vergadering\" class=\"begrip\">besluitvormende vergaderingen</a>", Nota.Value.FindSection("vergaderingen")!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_RunsFromTheDecisionIn2024ToTheMeetingsInJuly2025()
    {
        var steps = Nota.Value.Timeline;

        Assert.Equal("eind 2024", steps[0].Period);
        Assert.Equal("De gemeenteraad besluit: structureel €\u00A030\u00A0miljoen besparen", steps[0].Title);
        Assert.Equal(new DateOnly(2025, 5, 28), steps[1].Date);
        Assert.Equal(["politieke-avond-2025-07-01"], steps[2].Meetings.Select(m => m.Id));
        Assert.Equal(new DateOnly(2025, 7, 10), steps[3].LastDay);
    }

    [Fact]
    public void SectionHtml_FillsFiguresFromCijfersJson()
    {
        var html = Nota.Value.FindSection("besparing")!.Html;

        Assert.Contains("<data class=\"cijfer-in-tekst\" value=\"30000000\">€&nbsp;30&nbsp;miljoen</data>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{cijfer:", html, StringComparison.Ordinal);
    }
}
