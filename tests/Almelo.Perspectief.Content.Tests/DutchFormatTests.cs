using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

public sealed class DutchFormatTests
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

        Assert.Equal(inText, DutchFormat.InText(figure));
        Assert.Equal(inTable, DutchFormat.InTable(figure));
    }

    [Fact]
    public void Count_UsesDotsForThousands_AndTheApproximationWord()
    {
        Assert.Equal("49.000", DutchFormat.InText(Stated(FigureUnit.Banen, Rational.Whole(49_000))));
        Assert.Equal("ruim 6.750", DutchFormat.InText(Stated(FigureUnit.Banen, Rational.Whole(6_750), approximation: Approximation.Ruim)));
    }

    [Fact]
    public void Share_AsFraction_ShowsTheFractionAndInTablesThePercentage()
    {
        var figure = Stated(FigureUnit.Aandeel, new Rational(2, 3), fraction: true);

        Assert.Equal("2/3", DutchFormat.InText(figure));
        Assert.Equal("2/3 (66,7%)", DutchFormat.InTable(figure));
    }

    [Fact]
    public void Share_AsDecimal_ShowsAPercentage() =>
        Assert.Equal("40%", DutchFormat.InText(Stated(FigureUnit.Aandeel, Rational.Whole(0.4m))));

    [Theory]
    [InlineData(2025, 7, 1, "dinsdag 1 juli 2025")]
    [InlineData(2025, 7, 8, "dinsdag 8 juli 2025")]
    [InlineData(2025, 7, 10, "donderdag 10 juli 2025")]
    [InlineData(2025, 5, 28, "woensdag 28 mei 2025")]
    public void LongDate_NamesTheWeekdayInDutch(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DutchFormat.LongDate(new DateOnly(year, month, day)));

    [Fact]
    public void Time_UsesTheDutchNotation() =>
        Assert.Equal("19.30 uur", DutchFormat.Time(new TimeOnly(19, 30)));

    [Fact]
    public void Rational_TwoThirdsOfThirtyMillion_IsExact()
    {
        var result = Rational.Whole(30_000_000) * new Rational(2, 3);

        Assert.True(result.IsWhole);
        Assert.Equal(20_000_000m, result.ToDecimal());
    }
}
