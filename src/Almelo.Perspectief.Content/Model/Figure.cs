using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Figures;

namespace Almelo.Perspectief.Content.Model;

/// <summary>The unit of a figure, as <c>eenheid</c> in cijfers.json names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FigureUnit>))]
public enum FigureUnit
{
    [JsonStringEnumMemberName("euro")]
    Euro,

    [JsonStringEnumMemberName("banen")]
    Banen,

    [JsonStringEnumMemberName("aandeel")]
    Aandeel,
}

/// <summary>How a figure relates to the exact number: "ruim 1.200" is at least 1.200.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Approximation>))]
public enum Approximation
{
    /// <summary>Exact: cijfers.json has no <c>benadering</c>.</summary>
    None,

    [JsonStringEnumMemberName("ruim")]
    Ruim,

    [JsonStringEnumMemberName("ongeveer")]
    Ongeveer,

    [JsonStringEnumMemberName("bijna")]
    Bijna,

    /// <summary>Computed, and the true number is below it: 10.000 − ruim 1.000 is "minder dan 9.000".</summary>
    MinderDan,
}

/// <summary>How a derived figure is computed, as <c>bewerking</c> in cijfers.json names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DerivationOperation>))]
public enum DerivationOperation
{
    [JsonStringEnumMemberName("product")]
    Product,

    [JsonStringEnumMemberName("verschil")]
    Verschil,

    [JsonStringEnumMemberName("som")]
    Som,

    /// <summary>The rest of one share: 100% − 40% is 60%.</summary>
    [JsonStringEnumMemberName("rest")]
    Rest,
}

public sealed record Derivation(DerivationOperation Operation, IReadOnlyList<Figure> Inputs);

/// <summary>
/// A figure as the page shows it. Stated figures come from content with their <see cref="Source"/>;
/// derived figures are computed from other figures and carry their <see cref="Derivation"/> instead.
/// </summary>
public sealed record Figure(
    string Id,
    string Label,
    FigureUnit Unit,
    Rational Value,
    bool ShownAsFraction,
    Approximation Approximation,
    Source? Source,
    Derivation? Derivation,
    FigureBound? Bounds = null)
{
    /// <summary>Which stated, inexact figures this one depends on and in which direction; exact when none.</summary>
    public FigureBound Bound => Bounds ?? FigureBound.Stated(Id, Approximation);

    public bool IsDerived => Derivation is not null;

    // Computed once per figure: a derivation may use one input many times, and walking it anew each time takes exponential time.
    private static readonly ConditionalWeakTable<Figure, IReadOnlyList<Source>> SourcesOf = [];

    /// <summary>The sources behind this figure: its own, or those of every figure it was computed from.</summary>
    public IReadOnlyList<Source> Sources => SourcesOf.GetValue(this, static figure => figure switch
    {
        { Source: { } source } => [source],
        { Derivation: { } derivation } => derivation.Inputs.Distinct().SelectMany(i => i.Sources).DistinctBy(s => s.Id).ToList(),
        _ => [],
    });
}
