using System.Text.Json;
using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Components.Publication;

/// <summary>
/// What a chart shows, worked out once in C#: the numbers and texts the chart script draws, the colours the HTML
/// legend uses (by number; app.css owns the colours as --grafiek-kleur-N), and the rows of the table. Razor only renders it.
/// </summary>
internal sealed class ChartConfiguration(Chart chart)
{
    /// <summary>How many colours app.css defines for charts; more series than this repeat them.</summary>
    public const int ColourCount = 3;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Chart Chart => chart;

    /// <summary>The legend's entries, in the order of the chart's colours.</summary>
    public IReadOnlyList<(string Label, int Colour)> Legend =>
        (chart.Kind == ChartKind.Verdeling ? chart.Parts.Select(p => p.Label) : chart.Series.Select(s => s.Label))
            .Select((label, i) => (label, i % ColourCount))
            .ToList();

    /// <summary>The JSON the chart script reads from <c>data-grafiek</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        chart.Kind == ChartKind.Verdeling
            ? new ChartData("doughnut", chart.Parts.Select(p => p.Label).ToList(), [
                new ChartDataset(chart.Title, chart.Parts.Select(p => (decimal?)DutchFormat.Rounded(p.Figure)).ToList(), chart.Parts.Select(p => DutchFormat.InText(p.Figure)).ToList(), Enumerable.Range(0, chart.Parts.Count).Select(i => i % ColourCount).ToList())])
            : new ChartData("bar", chart.Categories.ToList(), chart.Series.Select((s, i) => new ChartDataset(
                s.Label,
                s.Values.Select(v => v is null ? (decimal?)null : DutchFormat.Rounded(v)).ToList(),
                s.Values.Select(v => v is null ? "–" : DutchFormat.InText(v)).ToList(),
                [i % ColourCount])).ToList()),
        Json);

    /// <summary>The header of the value column of a distribution table.</summary>
    public string ValueHeader => chart.Parts.Count == 0 ? "Waarde" : chart.Parts[0].Figure.Unit switch
    {
        FigureUnit.Euro => "Bedrag",
        FigureUnit.Banen => "Aantal banen",
        _ => "Aandeel",
    };

    public string ShareOfTotal(Figure part) => ChartTotals.ShareOfTotal(chart, part) is { } share ? DutchFormat.Percent(share) : "–";

    /// <summary>A category's total, worded no stronger than its parts allow ("–" when it has none).</summary>
    public string CategoryTotal(int category) => ChartTotals.CategoryTotal(chart, category) is { } total ? DutchFormat.InText(total) : "–";

    public static string Value(Figure? figure) => figure is null ? "–" : DutchFormat.InText(figure);

    private sealed record ChartData(string Type, IReadOnlyList<string> Labels, IReadOnlyList<ChartDataset> Datasets);

    private sealed record ChartDataset(string Label, IReadOnlyList<decimal?> Data, IReadOnlyList<string> Text, IReadOnlyList<int> Colours);
}
