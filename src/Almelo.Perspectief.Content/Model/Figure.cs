using Almelo.Perspectief.Content.Figures;

namespace Almelo.Perspectief.Content.Model;

public enum FigureUnit
{
    Euro,
    Banen,
    Aandeel,
}

/// <summary>How a figure relates to the exact number: "ruim 1.200" is at least 1.200.</summary>
public enum Approximation
{
    None,
    Ruim,
    Ongeveer,
    Bijna,

    /// <summary>Computed, and the true number is below it: 49.000 − ruim 6.750 is "minder dan 42.250".</summary>
    MinderDan,
}

public enum DerivationOperation
{
    Product,
    Verschil,
    Som,
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

    /// <summary>The sources behind this figure: its own, or those of every figure it was computed from.</summary>
    public IReadOnlyList<Source> Sources => Source is not null
        ? [Source]
        : Derivation!.Inputs.SelectMany(i => i.Sources).DistinctBy(s => s.Id).ToList();
}
