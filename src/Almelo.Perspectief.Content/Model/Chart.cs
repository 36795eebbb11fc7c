using System.Text.Json.Serialization;

namespace Almelo.Perspectief.Content.Model;

/// <summary>The kind of a chart, as <c>soort</c> in cijfers.json names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ChartKind>))]
public enum ChartKind
{
    /// <summary>Parts of a whole (a doughnut), with the whole as a total row.</summary>
    [JsonStringEnumMemberName("verdeling")]
    Verdeling,

    /// <summary>Stacked bars per category, one series per stack layer.</summary>
    [JsonStringEnumMemberName("staven")]
    Staven,
}

/// <summary>
/// A chart as content declares it. Title and summary are plain text with the figures already filled in,
/// so that the summary sentence, the canvas and the table always say the same.
/// </summary>
public sealed record Chart(
    string Id,
    ChartKind Kind,
    string Title,
    string Summary,
    IReadOnlyList<ChartPart> Parts,
    Figure? Total,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ChartSeries> Series)
{
    public IEnumerable<Figure> Figures => Parts.Select(p => p.Figure)
        .Concat(Series.SelectMany(s => s.Values).OfType<Figure>())
        .Concat(Total is null ? [] : [Total])
        .Distinct();
}

public sealed record ChartPart(string Label, Figure Figure);

public sealed record ChartSeries(string Label, IReadOnlyList<Figure?> Values);
