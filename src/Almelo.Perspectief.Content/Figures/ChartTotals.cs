using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Figures;

/// <summary>The totals a chart's table shows, computed with their bounds so that a total says no more than its parts.</summary>
public static class ChartTotals
{
    /// <summary>A part's share of the chart's total, as a fraction; null without a total.</summary>
    public static decimal? ShareOfTotal(Chart chart, Figure part) => chart.Total is { } total && total.Value.Numerator != 0
        ? part.Value.ToDecimal() / total.Value.ToDecimal()
        : null;

    /// <summary>
    /// The sum of one category's stacked values. The unknown amounts of its parts may cancel:
    /// (10.000 − ruim 1.000) + 0,5 × ruim 1.000 + 0,5 × ruim 1.000 is exactly 10.000.
    /// </summary>
    public static Figure? CategoryTotal(Chart chart, int category)
    {
        var values = chart.Series.Select(s => s.Values[category]).OfType<Figure>().ToList();
        if (values.Count == 0)
        {
            return null;
        }
        var sum = values.Skip(1).Aggregate(values[0].Value, (a, f) => a + f.Value);
        var bound = FigureBound.Of(DerivationOperation.Som, values);
        return new Figure(
            $"{chart.Id}-totaal-{category}",
            $"Totaal {chart.Categories[category]}",
            values[0].Unit,
            sum,
            false,
            bound.Qualifier(roundedForDisplay: values[0].Unit != FigureUnit.Aandeel && !sum.IsWhole),
            null,
            new Derivation(DerivationOperation.Som, values),
            bound);
    }
}
