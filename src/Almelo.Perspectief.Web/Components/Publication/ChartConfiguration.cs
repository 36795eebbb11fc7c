using System.Globalization;
using System.Text.Json;
using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Pictures;
using Almelo.Perspectief.Web.Resources;
using Microsoft.Extensions.Localization;

namespace Almelo.Perspectief.Web.Components.Publication;

/// <summary>
/// What a chart shows, worked out once in C#: the bars the chart script draws (from the same <see cref="ChartModel"/> as
/// the downloadable pictures), its legend, and the rows of the table, in the publication's language. Razor only renders it.
/// </summary>
internal sealed class ChartConfiguration(Chart chart, SiteLanguage language, IStringLocalizer<PublicationText> text)
{
    private readonly TextFormat format = TextFormat.For(language);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Chart Chart => chart;

    public ChartModel Model { get; } = new(chart, language);

    /// <summary>
    /// The height the canvas takes before it is drawn, so that drawing it moves nothing: a row of 3.5rem per bar (its
    /// line of text and the bar), and room for the ticks of an axis that has them.
    /// </summary>
    public string Height => string.Create(CultureInfo.InvariantCulture, $"height: {(Model.Bars.Count * 3.5) + (Model.Axis.Step is null ? 0.5 : 2)}rem");

    /// <summary>A legend swatch: the colour, with the stripes the bars have.</summary>
    public static string Swatch(ChartStyle style) => style.Striped
        ? $"background: repeating-linear-gradient(-45deg, {style.Colour} 0 4px, #ffffff 4px 6px)"
        : $"background: {style.Colour}";

    /// <summary>
    /// The JSON the chart script reads from <c>data-grafiek</c>: a line of text per bar, the axis, and a dataset per
    /// style (a part or a series) with its length in each bar, stacked in order.
    /// </summary>
    public string ToJson()
    {
        var styles = Model.Bars.SelectMany(b => b.Segments).Select(s => s.Style).Distinct().Order().ToList();
        return JsonSerializer.Serialize(
            new ChartData(
                Model.Bars.Select(b => b.Text).ToList(),
                Model.Axis.Start,
                Model.Axis.End,
                Model.Axis.Step,
                styles.Select(style => new ChartDataset(
                    ChartStyles.Of(style).Colour,
                    ChartStyles.Of(style).Striped,
                    Model.Bars.Select(b => b.Segments.Where(s => s.Style == style).Select(s => (decimal?)s.Value).Aggregate((decimal?)null, (a, v) => (a ?? 0) + v)).ToList())).ToList()),
            Json);
    }

    /// <summary>The header of the value column of a distribution table.</summary>
    public string ValueHeader => text[chart.Parts.Count == 0 ? "ColumnValue" : chart.Parts[0].Figure.Unit switch
    {
        FigureUnit.Euro => "ColumnAmount",
        FigureUnit.Banen => "ColumnJobs",
        _ => "ColumnShare",
    }];

    public string ShareOfTotal(Figure part) => ChartTotals.ShareOfTotal(chart, part) is { } share ? format.Percent(share) : "–";

    /// <summary>A category's total, worded no stronger than its parts allow ("–" when it has none).</summary>
    public string CategoryTotal(int category) => ChartTotals.CategoryTotal(chart, category) is { } total ? format.InText(total) : "–";

    public string Value(Figure? figure) => figure is null ? "–" : format.InText(figure);

    private sealed record ChartData(IReadOnlyList<string> Bars, decimal Start, decimal End, decimal? Step, IReadOnlyList<ChartDataset> Datasets);

    private sealed record ChartDataset(string Colour, bool Striped, IReadOnlyList<decimal?> Data);
}
