using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Figures;

/// <summary>
/// How far a figure may lie from its shown value, traced back to the stated figures that are not exact.
/// A stated "ruim 1.000" is 1.000 plus an unknown positive amount; the bound keeps, per such figure, how many
/// times that unknown amount is in this figure. 10.000 − ruim 1.000 holds it −1 times: "minder dan 9.000".
/// 0,5 × ruim 1.000 holds it 0,5 times: "ruim 500". When the amounts cancel out, the figure is exact again.
/// </summary>
public sealed class FigureBound
{
    public static readonly FigureBound Exact = new(new Dictionary<string, Term>(StringComparer.Ordinal), false);

    /// <summary>Per stated figure that is not exact: its direction and how often its unknown amount counts here.</summary>
    private readonly IReadOnlyDictionary<string, Term> terms;

    /// <summary>True when two uncertain figures were multiplied: the direction is no longer known.</summary>
    private readonly bool unknownDirection;

    private FigureBound(IReadOnlyDictionary<string, Term> terms, bool unknownDirection)
    {
        this.terms = terms;
        this.unknownDirection = unknownDirection;
    }

    private readonly record struct Term(Approximation Direction, Rational Weight);

    /// <summary>The bound of a figure as the source states it: "ruim 1.000" counts its own unknown amount once.</summary>
    public static FigureBound Stated(string id, Approximation approximation) => approximation == Approximation.None
        ? Exact
        : new(new Dictionary<string, Term>(StringComparer.Ordinal) { [id] = new(approximation, Rational.Whole(1)) }, false);

    /// <summary>The bound of a computed figure, from its operation and its inputs in order.</summary>
    public static FigureBound Of(DerivationOperation operation, IReadOnlyList<Figure> inputs) => operation switch
    {
        DerivationOperation.Product => inputs.Skip(1).Aggregate((Bound: inputs[0].Bound, inputs[0].Value), (a, f) => (Times(a.Bound, a.Value, f.Bound, f.Value), a.Value * f.Value)).Bound,
        DerivationOperation.Verschil => inputs.Skip(1).Aggregate(inputs[0].Bound, (a, f) => a.Plus(f.Bound, Rational.Whole(-1))),
        DerivationOperation.Rest => inputs[0].Bound.Scaled(Rational.Whole(-1)),
        _ => inputs.Skip(1).Aggregate(inputs[0].Bound, (a, f) => a.Plus(f.Bound, Rational.Whole(1))),
    };

    /// <summary>
    /// The word that says no more than is known: exact (None); only upwards (Ruim); only downwards (MinderDan);
    /// either way (Ongeveer). A stated figure keeps its own word ("bijna" stays "bijna").
    /// </summary>
    public Approximation Qualifier(bool roundedForDisplay)
    {
        if (unknownDirection || roundedForDisplay)
        {
            return Approximation.Ongeveer;
        }
        var up = false;
        var down = false;
        foreach (var (_, term) in terms)
        {
            var sign = Math.Sign(term.Weight.ToDecimal());
            if (sign == 0)
            {
                continue;
            }
            switch (term.Direction)
            {
                case Approximation.Ruim:
                    up |= sign > 0;
                    down |= sign < 0;
                    break;
                case Approximation.Bijna:
                    up |= sign < 0;
                    down |= sign > 0;
                    break;
                default:
                    up = true;
                    down = true;
                    break;
            }
        }
        return (up, down) switch
        {
            (false, false) => Approximation.None,
            (true, false) => Approximation.Ruim,
            (false, true) => Approximation.MinderDan,
            _ => Approximation.Ongeveer,
        };
    }

    private bool IsExact => !unknownDirection && terms.Values.All(t => t.Weight.Numerator == 0);

    private FigureBound Plus(FigureBound other, Rational factor)
    {
        var sum = new Dictionary<string, Term>(terms, StringComparer.Ordinal);
        foreach (var (id, term) in other.terms)
        {
            var weight = term.Weight * factor;
            sum[id] = sum.TryGetValue(id, out var known) ? known with { Weight = known.Weight + weight } : term with { Weight = weight };
        }
        return new(sum, unknownDirection || other.unknownDirection);
    }

    private FigureBound Scaled(Rational factor) =>
        new(terms.ToDictionary(t => t.Key, t => t.Value with { Weight = t.Value.Weight * factor }, StringComparer.Ordinal), unknownDirection);

    /// <summary>An exact factor scales the other's unknown amounts; two uncertain factors leave only "ongeveer".</summary>
    private static FigureBound Times(FigureBound left, Rational leftValue, FigureBound right, Rational rightValue) =>
        (left.IsExact, right.IsExact) switch
        {
            (true, true) => Exact,
            (true, false) => right.Scaled(leftValue),
            (false, true) => left.Scaled(rightValue),
            _ => new(left.terms, true),
        };
}
