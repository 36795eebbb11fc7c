namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// The figure and chart ids that cijfers.json declares, valid or not: a reference to a declared id whose figure has
/// its own error is not reported again. Null means the file could not be read, so references cannot be checked.
/// </summary>
internal sealed record KnownIds(IReadOnlySet<string>? Figures, IReadOnlySet<string>? Charts)
{
    public static bool IsMissing(IReadOnlySet<string>? declared, string id) => declared is not null && !declared.Contains(id);

    public bool IsMissingFigure(string id) => IsMissing(Figures, id);
}
