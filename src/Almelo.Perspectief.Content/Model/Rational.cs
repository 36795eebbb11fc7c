namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// An exact fraction, so that two thirds of 1.500.000 is 1.000.000 and not 999.999,99…
/// </summary>
public readonly record struct Rational(decimal Numerator, decimal Denominator)
{
    public static Rational Whole(decimal value) => new(value, 1);

    public decimal ToDecimal() => Numerator / Denominator;

    public bool IsWhole => Numerator % Denominator == 0;

    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) => a.Denominator == b.Denominator
        ? new(a.Numerator - b.Numerator, a.Denominator)
        : new((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator +(Rational a, Rational b) => a.Denominator == b.Denominator
        ? new(a.Numerator + b.Numerator, a.Denominator)
        : new((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational Multiply(Rational left, Rational right) => left * right;

    public static Rational Subtract(Rational left, Rational right) => left - right;

    public static Rational Add(Rational left, Rational right) => left + right;
}
