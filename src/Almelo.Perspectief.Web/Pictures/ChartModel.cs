using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Resources;

namespace Almelo.Perspectief.Web.Pictures;

/// <summary>How a part or series is drawn: a colour, and whether white stripes run across it, so that no meaning is in colour alone.</summary>
internal sealed record ChartStyle(string Colour, bool Striped);

/// <summary>
/// The chart colours, owned here for the page's canvas, its legend and the pictures alike. Every colour is at least 3:1
/// against white and against the other (WCAG 1.4.11); a third series takes the first colour with stripes, because no three
/// colours can each be 3:1 against white and against each other.
/// </summary>
internal static class ChartStyles
{
    public const string Dark = "#1f3a5f";
    public const string Medium = "#6a8bb3";

    public static readonly IReadOnlyList<ChartStyle> All = [new(Dark, false), new(Medium, false), new(Dark, true)];

    public static ChartStyle Of(int index) => All[index % All.Count];
}

/// <summary>One horizontal bar: its row's label, the value the row adds up to, and its stacked segments in order.</summary>
internal sealed record ChartBar(string Label, string ValueText, IReadOnlyList<ChartSegment> Segments)
{
    /// <summary>The line above the bar, so that its message needs no tooltip: "{label}: {value} ({share})".</summary>
    public string Text => $"{Label}: {ValueText}";
}

/// <summary>A part of a bar: its length in the chart's unit and the style of its part or series.</summary>
internal sealed record ChartSegment(decimal Value, int Style);

/// <summary>A legend entry: a series, with its value when it has only one.</summary>
internal sealed record ChartLegendEntry(string Label, string? ValueText, int Style)
{
    public string Text => ValueText is null ? Label : $"{Label}: {ValueText}";
}

/// <summary>Where the value axis starts and ends, and the step of its ticks (none for a distribution: its bars say their values).</summary>
internal sealed record ChartAxis(decimal Start, decimal End, decimal? Step)
{
    public IEnumerable<decimal> Ticks
    {
        get
        {
            if (Step is not { } step)
            {
                yield break;
            }
            for (var tick = Start; tick <= End; tick += step)
            {
                yield return tick;
            }
        }
    }

    /// <summary>Where a value falls between start (0) and end (1), clamped: a bar's part below the start is cut off.</summary>
    public double Position(decimal value) => End <= Start ? 0 : Math.Clamp((double)((value - Start) / (End - Start)), 0, 1);
}

/// <summary>
/// A chart as horizontal bars, worked out once from the content's figures for the canvas on the page, its legend and
/// the downloadable pictures, so that they all show the same: a distribution as one bar per part from 0, stacked bars
/// on an axis that may start above 0 to show a growth, said in <see cref="AxisNote"/>. Its numbers and words are in the
/// language of the edition the chart comes from.
/// </summary>
internal sealed class ChartModel
{
    private readonly TextFormat format;

    public ChartModel(Chart chart, SiteLanguage language)
    {
        Chart = chart;
        Language = language;
        format = TextFormat.For(language);
        if (chart.Kind == ChartKind.Verdeling)
        {
            Bars = chart.Parts.Select((p, i) => new ChartBar(p.Label, PartText(p.Figure), [new ChartSegment(Math.Max(0, TextFormat.Rounded(p.Figure)), i)])).ToList();
            Legend = [];
            var whole = chart.Total is { } total ? TextFormat.Rounded(total) : Bars.Select(b => b.Segments[0].Value).DefaultIfEmpty(0).Max();
            Axis = new ChartAxis(0, Math.Max(whole, 1), null);
        }
        else
        {
            Bars = chart.Categories.Select((category, c) => new ChartBar(
                category,
                ChartTotals.CategoryTotal(chart, c) is { } sum ? format.InText(sum) : "–",
                chart.Series.Select((s, i) => (Value: s.Values[c], Style: i)).Where(v => v.Value is not null)
                    .Select(v => new ChartSegment(Math.Max(0, TextFormat.Rounded(v.Value!)), v.Style)).ToList())).ToList();
            Legend = chart.Series.Select((s, i) => new ChartLegendEntry(s.Label, OnlyValue(s), i)).ToList();
            Axis = StackedAxis(Bars.Select(b => b.Segments.Sum(s => s.Value)).ToList());
        }
    }

    public Chart Chart { get; }

    /// <summary>The language of its words and numbers: the edition's.</summary>
    public SiteLanguage Language { get; }

    public IReadOnlyList<ChartBar> Bars { get; }

    public IReadOnlyList<ChartLegendEntry> Legend { get; }

    public ChartAxis Axis { get; }

    /// <summary>Said visibly wherever the chart is drawn when its axis does not start at 0.</summary>
    public string? AxisNote => Axis.Start == 0
        ? null
        : PublicationText.In(Language, "AxisNote", format.Number(Axis.Start));

    /// <summary>The sources of the chart's figures, and whether some were computed from them.</summary>
    public string SourceLine
    {
        get
        {
            var sources = Chart.Figures.SelectMany(f => f.Sources).DistinctBy(s => s.Id)
                .Select(s => $"{s.Title} ({s.Publisher}, {format.SourceDates(s)})").ToList();
            var line = sources.Count == 0 ? PublicationText.In(Language, "ChartSourceUnknown") : PublicationText.In(Language, "ChartSources", string.Join("; ", sources));
            return Chart.Figures.Any(f => f.IsDerived) ? line + PublicationText.In(Language, "ChartComputed") : line;
        }
    }

    private string PartText(Figure part) => ChartTotals.ShareOfTotal(Chart, part) is { } share
        ? $"{format.InText(part)} ({format.Percent(share)})"
        : format.InText(part);

    /// <summary>The value of a series that shows one figure only (in one category, or the same in each); otherwise none.</summary>
    private string? OnlyValue(ChartSeries series) =>
        series.Values.OfType<Figure>().Select(f => f.Id).Distinct().Count() == 1 ? format.InText(series.Values.OfType<Figure>().First()) : null;

    /// <summary>
    /// From 0 when the bars differ by half of the longest or more; otherwise from a round number below the shortest bar,
    /// half their difference lower, so that the difference fills most of the chart instead of a thin slice on top.
    /// </summary>
    private static ChartAxis StackedAxis(IReadOnlyList<decimal> totals)
    {
        var high = totals.DefaultIfEmpty(0).Max();
        var low = totals.DefaultIfEmpty(0).Min();
        if (high <= 0)
        {
            return new ChartAxis(0, 1, 1);
        }
        var from = low <= 0 || high - low >= high / 2 ? 0 : low - ((high - low) / 2);
        var step = Nice((high - from) / 4);
        var start = Math.Floor(from / step) * step;
        return new ChartAxis(start, Math.Ceiling(high / step) * step, step);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least the value.</summary>
    private static decimal Nice(decimal value)
    {
        var power = value < 1 ? 1m : (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        var scaled = value / power;
        return power * (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10);
    }
}
