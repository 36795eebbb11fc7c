using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

public sealed class TextFormatTests
{
    private static Figure Stated(FigureUnit unit, Rational value, bool fraction = false, Approximation approximation = Approximation.None) =>
        new("x", "x", unit, value, fraction, approximation, new Source("s", "s", "s", new DateOnly(2025, 5, 28), null, null, null), null);

    [Theory]
    [InlineData(30_000_000, "€\u00A030\u00A0miljoen", "€\u00A030.000.000")]
    [InlineData(1_500_000, "€\u00A01,5\u00A0miljoen", "€\u00A01.500.000")]
    [InlineData(1_234_567, "€\u00A01.234.567", "€\u00A01.234.567")]
    [InlineData(950, "€\u00A0950", "€\u00A0950")]
    public void Euro_FormatsDutch(int value, string inText, string inTable)
    {
        var figure = Stated(FigureUnit.Euro, Rational.Whole(value));

        Assert.Equal(inText, TextFormat.Dutch.InText(figure));
        Assert.Equal(inTable, TextFormat.Dutch.InTable(figure));
    }

    [Fact]
    public void Count_UsesDotsForThousands_AndTheApproximationWord()
    {
        Assert.Equal("49.000", TextFormat.Dutch.InText(Stated(FigureUnit.Banen, Rational.Whole(49_000))));
        Assert.Equal("ruim 6.750", TextFormat.Dutch.InText(Stated(FigureUnit.Banen, Rational.Whole(6_750), approximation: Approximation.Ruim)));
    }

    [Fact]
    public void Share_AsFraction_ShowsTheFractionAndInTablesThePercentage()
    {
        var figure = Stated(FigureUnit.Aandeel, new Rational(2, 3), fraction: true);

        Assert.Equal("2/3", TextFormat.Dutch.InText(figure));
        Assert.Equal("2/3 (66,7%)", TextFormat.Dutch.InTable(figure));
    }

    [Fact]
    public void Share_AsDecimal_ShowsAPercentage() =>
        Assert.Equal("40%", TextFormat.Dutch.InText(Stated(FigureUnit.Aandeel, Rational.Whole(0.4m))));

    [Theory]
    [InlineData(2025, 7, 1, "dinsdag 1 juli 2025")]
    [InlineData(2025, 7, 8, "dinsdag 8 juli 2025")]
    [InlineData(2025, 7, 10, "donderdag 10 juli 2025")]
    [InlineData(2025, 5, 28, "woensdag 28 mei 2025")]
    public void LongDate_NamesTheWeekdayInDutch(int year, int month, int day, string expected) =>
        Assert.Equal(expected, TextFormat.Dutch.LongDate(new DateOnly(year, month, day)));

    [Fact]
    public void Time_UsesTheDutchNotation() =>
        Assert.Equal("19.30 uur", TextFormat.Dutch.Time(new TimeOnly(19, 30)));

    [Fact]
    public void Rational_TwoThirdsOfThirtyMillion_IsExact()
    {
        var result = Rational.Whole(30_000_000) * new Rational(2, 3);

        Assert.True(result.IsWhole);
        Assert.Equal(20_000_000m, result.ToDecimal());
    }

    [Theory]
    [InlineData(30_000_000, "€30\u00A0million", "€30,000,000")]
    [InlineData(9_500_000, "€9.5\u00A0million", "€9,500,000")]
    [InlineData(950, "€950", "€950")]
    public void Euro_FormatsEnglish(int value, string inText, string inTable)
    {
        var figure = Stated(FigureUnit.Euro, Rational.Whole(value));

        Assert.Equal(inText, TextFormat.English.InText(figure));
        Assert.Equal(inTable, TextFormat.English.InTable(figure));
    }

    [Fact]
    public void English_CountsUseCommas_AndSayFewerThanForJobsButLessThanForMoney()
    {
        Assert.Equal("more than 6,750", TextFormat.English.InText(Stated(FigureUnit.Banen, Rational.Whole(6_750), approximation: Approximation.Ruim)));
        Assert.Equal("fewer than 42,250", TextFormat.English.InText(Stated(FigureUnit.Banen, Rational.Whole(42_250), approximation: Approximation.MinderDan)));
        Assert.Equal("less than €1\u00A0million", TextFormat.English.InText(Stated(FigureUnit.Euro, Rational.Whole(1_000_000), approximation: Approximation.MinderDan)));
        Assert.Equal("minder dan 42.250", TextFormat.Dutch.InText(Stated(FigureUnit.Banen, Rational.Whole(42_250), approximation: Approximation.MinderDan)));
    }

    [Fact]
    public void English_SharesDatesAndTimes_FollowTheBritishCulture()
    {
        Assert.Equal("2/3 (66.7%)", TextFormat.English.InTable(Stated(FigureUnit.Aandeel, new Rational(2, 3), fraction: true)));
        Assert.Equal("Tuesday 1 July 2025", TextFormat.English.LongDate(new DateOnly(2025, 7, 1)));
        Assert.Equal("Tuesday 8 and Thursday 10 July 2025", TextFormat.English.DateList([new DateOnly(2025, 7, 8), new DateOnly(2025, 7, 10)]));
        Assert.Equal("dinsdag 8 en donderdag 10 juli 2025", TextFormat.Dutch.DateList([new DateOnly(2025, 7, 8), new DateOnly(2025, 7, 10)]));
        Assert.Equal("19:30", TextFormat.English.Time(new TimeOnly(19, 30)));
        Assert.Equal("19.30 uur", TextFormat.Dutch.Time(new TimeOnly(19, 30)));
        Assert.Equal(" (calculated)", TextFormat.English.CalculatedMark);
    }

    [Fact]
    public void FormatWords_EveryDutchWordHasItsEnglish()
    {
        Assert.Equal("nl", System.Reflection.CustomAttributeExtensions.GetCustomAttribute<System.Resources.NeutralResourcesLanguageAttribute>(typeof(TextFormat).Assembly)?.CultureName);
        var manager = new System.Resources.ResourceManager("Almelo.Perspectief.Content.Formatting.FormatWords", typeof(TextFormat).Assembly);
        var dutch = manager.GetResourceSet(System.Globalization.CultureInfo.InvariantCulture, true, false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        var english = manager.GetResourceSet(SiteLanguage.English.Culture.Parent, true, false)!
            .Cast<System.Collections.DictionaryEntry>().Select(e => (string)e.Key).Order().ToList();
        Assert.NotEmpty(dutch);
        Assert.Equal(dutch, english);
    }
}
