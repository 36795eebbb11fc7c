using System.Runtime.CompilerServices;

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
    Derivation? Derivation)
{
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
