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
            ["persbericht", "besparing", "keuzes", "banen", "woningbouw", "sociaal-domein", "vergaderingen"],
            Nota.Value.Sections.Select(s => s.Id));

    [Fact]
    public void Load_ReferenceContent_HoldsAllOfThePressRelease()
    {
        var seed = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, ContentFixture.Slug, "bronnen", "persbericht-2025-05-28.txt"));
        var text = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, ContentFixture.Slug, "tekst.md"));
        var quote = Nota.Value.Quote!.Text;
        // Every sentence of the press release is in the Markdown or the quote; figures are written as {cijfer:id}.
        string Normal(string s) => string.Join(' ', s.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        var all = Normal(text + " " + quote);
        // Headings stand on their own line in the press release; the Markdown keeps them as ## headings or the subtitle.
        var headings = text.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal) || l.StartsWith('*'))
            .Select(l => l.TrimStart('#', ' ', '*').Split(" {#")[0].TrimEnd('*', ' ', '\r'))
            .ToHashSet(StringComparer.Ordinal);
        seed = string.Join('\n', seed.Split('\n').Where(l => !headings.Contains(l.Trim())));
        var checkedSentences = 0;
        foreach (var sentence in Normal(seed).Split(". ").Select(s => s.Trim()).Where(s => s.Length > 20))
        {
            if (sentence.Any(char.IsDigit) || sentence.Contains('“') || sentence.Contains('”') || sentence.Contains("PERSBERICHT", StringComparison.Ordinal))
            {
                continue;
            }
            Assert.Contains(sentence, all, StringComparison.Ordinal);
            checkedSentences++;
        }
        Assert.True(checkedSentences > 15, $"only {checkedSentences} sentences checked");
        Assert.Contains($"“{Normal(quote)}”", Normal(seed), StringComparison.Ordinal);
    }

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
        Assert.Equal("€ 20 miljoen", DutchFormat.InText(figure));
    }

    [Fact]
    public void Derived_RestOfTheSavings_IsTenMillion()
    {
        var figure = Figure("besparing-overig");

        Assert.Equal(10_000_000m, figure.Value.ToDecimal());
        Assert.Equal("€ 30.000.000 − € 20.000.000 = € 10.000.000", DutchFormat.Calculation(figure));
    }

    [Fact]
    public void Derived_JobsIn2018_IsJobs2024MinusGrowth_AndApproximateBecauseGrowthIsRuim()
    {
        var figure = Figure("banen-2018");

        Assert.Equal(42_250m, figure.Value.ToDecimal());
        Assert.Equal(Approximation.Ongeveer, figure.Approximation);
        Assert.Equal("ongeveer 42.250", DutchFormat.InText(figure));
    }

    [Fact]
    public void Derived_NewHightechJobs_IsFortyPercentOfTheGrowth()
    {
        var figure = Figure("banen-hightech");

        Assert.Equal(2_700m, figure.Value.ToDecimal());
        Assert.Equal("ongeveer 2.700", DutchFormat.InText(figure));
        Assert.Equal("6.750 × 40% = 2.700", DutchFormat.Calculation(figure));
    }

    [Fact]
    public void Derived_OtherNewJobs_AddUpWithHightechToTheGrowth()
    {
        Assert.Equal(4_050m, Figure("banen-groei-overig").Value.ToDecimal());
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
        Assert.Equal(["dinsdag 1 juli 2025", "dinsdag 8 juli 2025", "donderdag 10 juli 2025"], meetings.Select(m => DutchFormat.LongDate(m.Date)));
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
        Assert.Contains("€ 20 miljoen", chart.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("{cijfer:", chart.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_FillsFiguresFromCijfersJson() =>
        Assert.Equal("Structureel € 30 miljoen besparen", Nota.Value.FindSection("besparing")!.Title);

    [Fact]
    public void Summary_FillsFiguresFromCijfersJson() =>
        Assert.StartsWith("Almelo moet structureel € 30 miljoen besparen", Nota.Value.Summary, StringComparison.Ordinal);

    [Fact]
    public void Glossary_LinksEachTermOnceAtItsFirstUseInPageOrder()
    {
        var html = string.Concat(Nota.Value.Sections.Select(s => s.Html));

        foreach (var term in Nota.Value.Glossary.Where(t => t.Id != "besluitvormende-vergadering" || html.Contains("besluitvormend", StringComparison.Ordinal)))
        {
            var link = $"href=\"/perspectiefnota-2026-2029#begrip-{term.Id}\"";
            Assert.Equal(1, html.Split(link).Length - 1);
        }
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-perspectiefnota\" class=\"begrip\">Perspectiefnota</a> 2026-2029 met", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-college-van-b-en-w\" class=\"begrip\">college van B&amp;W</a>", Nota.Value.FindSection("persbericht")!.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/perspectiefnota-2026-2029#begrip-besluitvormende-vergadering\" class=\"begrip\">besluitvormend</a>", Nota.Value.FindSection("vergaderingen")!.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_RunsFromTheDecisionIn2024ToTheMeetingsInJuly2025()
    {
        var steps = Nota.Value.Timeline;

        Assert.Equal("eind 2024", steps[0].Period);
        Assert.Equal("De gemeenteraad besluit: structureel € 30 miljoen besparen", steps[0].Title);
        Assert.Equal(new DateOnly(2025, 5, 28), steps[1].Date);
        Assert.Equal(["politieke-avond-2025-07-01"], steps[2].Meetings.Select(m => m.Id));
        Assert.Equal(new DateOnly(2025, 7, 10), steps[3].LastDay);
    }

    [Fact]
    public void SectionHtml_FillsFiguresFromCijfersJson()
    {
        var html = Nota.Value.FindSection("besparing")!.Html;

        Assert.Contains("<data class=\"cijfer-in-tekst\" value=\"30000000\">€ 30 miljoen</data>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("{cijfer:", html, StringComparison.Ordinal);
    }
}
