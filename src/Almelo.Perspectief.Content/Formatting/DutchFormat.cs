using System.Globalization;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Formatting;

/// <summary>nl-NL formatting of figures and dates. Content never holds a formatted number; this class does all of it.</summary>
public static class DutchFormat
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    private const decimal Million = 1_000_000m;

    /// <summary>The figure as a sentence would say it: "€ 1,5 miljoen", "ruim 1.200", "2/3", "15%".</summary>
    public static string InText(Figure figure) => Qualify(figure.Approximation, figure.Unit switch
    {
        FigureUnit.Euro => EuroShort(Rounded(figure)),
        FigureUnit.Aandeel => Share(figure.Value, figure.ShownAsFraction),
        _ => Number(Rounded(figure)),
    });

    /// <summary>The figure as a table shows it: "€ 1.500.000", "1.200", "2/3 (66,7%)".</summary>
    public static string InTable(Figure figure) => Qualify(figure.Approximation, figure.Unit switch
    {
        FigureUnit.Euro => EuroFull(Rounded(figure)),
        FigureUnit.Aandeel => figure.ShownAsFraction
            ? $"{Share(figure.Value, true)} ({Percent(figure.Value.ToDecimal())})"
            : Percent(figure.Value.ToDecimal()),
        _ => Number(Rounded(figure)),
    });

    /// <summary>The value in whole units (euro, banen); shares keep their fraction.</summary>
    public static decimal Rounded(Figure figure) => figure.Unit == FigureUnit.Aandeel
        ? figure.Value.ToDecimal()
        : Math.Round(figure.Value.ToDecimal(), 0, MidpointRounding.AwayFromZero);

    public static string Number(decimal value) => value.ToString("#,0", Culture);

    public static string EuroFull(decimal value) => "€\u00A0" + Number(value);

    public static string EuroShort(decimal value) => Math.Abs(value) >= Million && value % 100_000m == 0
        ? $"€\u00A0{(value / Million).ToString("#,0.#", Culture)}\u00A0miljoen"
        : EuroFull(value);

    public static string Percent(decimal fraction) => (fraction * 100m).ToString("#,0.#", Culture) + "%";

    /// <summary>The word for a unit in a table header or after a number.</summary>
    public static string UnitName(FigureUnit unit) => unit switch
    {
        FigureUnit.Euro => "euro",
        FigureUnit.Banen => "banen",
        _ => "aandeel",
    };

    /// <summary>"dinsdag 1 juli 2025".</summary>
    public static string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>
    /// Several days as one phrase: "dinsdag 1 juli 2025", "dinsdag 8 en donderdag 10 juli 2025" within one month,
    /// otherwise each day in full: "maandag 30 juni 2025 en dinsdag 1 juli 2025".
    /// </summary>
    public static string DateList(IEnumerable<DateOnly> dates)
    {
        var days = dates.Distinct().Order().ToList();
        if (days.Count > 1 && days.All(d => d.Year == days[0].Year && d.Month == days[0].Month))
        {
            var names = days.Select(d => d.ToString("dddd d", Culture)).ToList();
            return $"{string.Join(", ", names[..^1])} en {names[^1]} {days[0].ToString("MMMM yyyy", Culture)}";
        }
        var full = days.Select(LongDate).ToList();
        return full.Count <= 1 ? string.Concat(full) : $"{string.Join(", ", full[..^1])} en {full[^1]}";
    }

    /// <summary>"1 juli 2025".</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A source's dates in words: "28 mei 2025", "28 mei 2025, geraadpleegd op 4 december 2026", or for a web page without a date of its own "geraadpleegd op 4 december 2026".</summary>
    public static string SourceDates(Source source) =>
        string.Join(", ", new[] { source.Date is { } date ? Date(date) : null, source.Consulted is { } consulted ? "geraadpleegd op " + Date(consulted) : null }.OfType<string>());

    /// <summary>"2025-07-01": for machines (the datetime attribute, JSON, metadata), never for readers.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"19.30 uur".</summary>
    public static string Time(TimeOnly time) => time.ToString("HH.mm", Culture) + " uur";

    /// <summary>How a derived figure was computed, as the sources word the numbers: "10.000 − ruim 1.000 = minder dan 9.000".</summary>
    public static string Calculation(Figure figure) => figure.Derivation is null
        ? InTable(figure)
        : CalculationInputs(figure) + " = " + InText(figure);

    /// <summary>
    /// The left side of <see cref="Calculation"/>, for a place that shows the result beside it: "10.000 − ruim 1.000".
    /// A figure that is not derived is itself.
    /// </summary>
    public static string CalculationInputs(Figure figure)
    {
        if (figure.Derivation is not { } derivation)
        {
            return InTable(figure);
        }
        if (derivation.Operation == DerivationOperation.Rest)
        {
            return $"{Percent(1m)} − {InText(derivation.Inputs[0])}";
        }
        var symbol = derivation.Operation switch
        {
            DerivationOperation.Product => " × ",
            DerivationOperation.Verschil => " − ",
            _ => " + ",
        };
        return string.Join(symbol, derivation.Inputs.Select(InText));
    }

    /// <summary>What a kind of council meeting is, in plain Dutch: "Politieke avond: de raad praat erover".</summary>
    public static string MeetingKind(MeetingKind kind) => kind == Model.MeetingKind.PolitiekeAvond
        ? "Politieke avond: de raad praat erover"
        : "Besluitvormende vergadering: de raad beslist";

    public static string ApproximationWord(Approximation approximation) => approximation switch
    {
        Approximation.Ruim => "ruim",
        Approximation.Ongeveer => "ongeveer",
        Approximation.Bijna => "bijna",
        Approximation.MinderDan => "minder dan",
        _ => string.Empty,
    };

    private static string Share(Rational value, bool asFraction) => asFraction
        ? $"{value.Numerator.ToString("0", Culture)}/{value.Denominator.ToString("0", Culture)}"
        : Percent(value.ToDecimal());

    private static string Qualify(Approximation approximation, string text) => approximation == Approximation.None
        ? text
        : $"{ApproximationWord(approximation)} {text}";
}
