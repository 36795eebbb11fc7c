using System.Globalization;
using System.Resources;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Formatting;

/// <summary>
/// Formatting of figures and dates in one language: the culture's numbers and dates, and the words around them
/// ("miljoen", "ruim", "geraadpleegd op") from <c>FormatWords.resx</c> (Dutch) and its translations
/// (<c>FormatWords.en.resx</c>). Content never holds a formatted number; this class does all of it.
/// </summary>
public sealed class TextFormat
{
    private static readonly ResourceManager Words = new("Almelo.Perspectief.Content.Formatting.FormatWords", typeof(TextFormat).Assembly);

    public static readonly TextFormat Dutch = new(SiteLanguage.Dutch);

    public static readonly TextFormat English = new(SiteLanguage.English);

    private const decimal Million = 1_000_000m;

    private TextFormat(SiteLanguage language)
    {
        Language = language;
        Culture = language.Culture;
    }

    public SiteLanguage Language { get; }

    public CultureInfo Culture { get; }

    /// <summary>The formatting of a language.</summary>
    public static TextFormat For(SiteLanguage language) => language.IsDutch ? Dutch : English;

    /// <summary>A word or pattern of this language; the Dutch one when a translation lacks it (a test checks none does).</summary>
    public string Word(string name) => Words.GetString(name, Culture) ?? throw new MissingManifestResourceException($"FormatWords has no '{name}'.");

    /// <summary>The figure as a sentence would say it: "€ 1,5 miljoen", "ruim 1.200", "2/3", "15%".</summary>
    public string InText(Figure figure) => Qualify(figure, figure.Unit switch
    {
        FigureUnit.Euro => EuroShort(Rounded(figure)),
        FigureUnit.Aandeel => Share(figure.Value, figure.ShownAsFraction),
        _ => Number(Rounded(figure)),
    });

    /// <summary>The figure as a table shows it: "€ 1.500.000", "1.200", "2/3 (66,7%)".</summary>
    public string InTable(Figure figure) => Qualify(figure, figure.Unit switch
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

    public string Number(decimal value) => value.ToString("#,0", Culture);

    public string EuroFull(decimal value) => string.Format(Culture, Word("EuroFull"), Number(value));

    public string EuroShort(decimal value) => Math.Abs(value) >= Million && value % 100_000m == 0
        ? string.Format(Culture, Word("EuroMillions"), (value / Million).ToString("#,0.#", Culture))
        : EuroFull(value);

    public string Percent(decimal fraction) => (fraction * 100m).ToString("#,0.#", Culture) + "%";

    /// <summary>The word for a unit in a table header or after a number.</summary>
    public string UnitName(FigureUnit unit) => Word("Unit" + unit);

    /// <summary>"dinsdag 1 juli 2025".</summary>
    public string LongDate(DateOnly date) => date.ToString("dddd d MMMM yyyy", Culture);

    /// <summary>
    /// Several days as one phrase: "dinsdag 1 juli 2025", "dinsdag 8 en donderdag 10 juli 2025" within one month,
    /// otherwise each day in full: "maandag 30 juni 2025 en dinsdag 1 juli 2025".
    /// </summary>
    public string DateList(IEnumerable<DateOnly> dates)
    {
        var days = dates.Distinct().Order().ToList();
        if (days.Count > 1 && days.All(d => d.Year == days[0].Year && d.Month == days[0].Month))
        {
            var names = days.Select(d => d.ToString("dddd d", Culture)).ToList();
            return $"{string.Join(", ", names[..^1])} {Word("And")} {names[^1]} {days[0].ToString("MMMM yyyy", Culture)}";
        }
        var full = days.Select(LongDate).ToList();
        return full.Count <= 1 ? string.Concat(full) : $"{string.Join(", ", full[..^1])} {Word("And")} {full[^1]}";
    }

    /// <summary>"1 juli 2025".</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A source's dates in words: "28 mei 2025", "28 mei 2025, geraadpleegd op 4 december 2026", or for a web page without a date of its own "geraadpleegd op 4 december 2026".</summary>
    public string SourceDates(Source source) =>
        string.Join(", ", new[] { source.Date is { } date ? Date(date) : null, source.Consulted is { } consulted ? string.Format(Culture, Word("Consulted"), Date(consulted)) : null }.OfType<string>());

    /// <summary>"2025-07-01": for machines (the datetime attribute, JSON, metadata), never for readers.</summary>
    public static string IsoDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"19.30 uur".</summary>
    public string Time(TimeOnly time) => time.ToString(Word("TimePattern"), Culture);

    /// <summary>How a derived figure was computed, as the sources word the numbers: "10.000 − ruim 1.000 = minder dan 9.000".</summary>
    public string Calculation(Figure figure) => figure.Derivation is null
        ? InTable(figure)
        : CalculationInputs(figure) + " = " + InText(figure);

    /// <summary>
    /// The left side of <see cref="Calculation"/>, for a place that shows the result beside it: "10.000 − ruim 1.000".
    /// A figure that is not derived is itself.
    /// </summary>
    public string CalculationInputs(Figure figure)
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
    public string MeetingKind(MeetingKind kind) => Word("Meeting" + kind);

    /// <summary>
    /// "ruim", "minder dan": the word before an inexact figure. English tells counts from amounts ("fewer than 42,250
    /// jobs", "less than €1 million"); Dutch says "minder dan" for both.
    /// </summary>
    public string ApproximationWord(Approximation approximation, FigureUnit unit = FigureUnit.Euro) => approximation switch
    {
        Approximation.None => string.Empty,
        Approximation.MinderDan when unit == FigureUnit.Banen => Word("ApproximationMinderDanCount"),
        _ => Word("Approximation" + approximation),
    };

    /// <summary>What follows a figure the site computed, so that no computed number reads as a stated one: " (berekend)".</summary>
    public string CalculatedMark => " " + Word("Calculated");

    private string Share(Rational value, bool asFraction) => asFraction
        ? $"{value.Numerator.ToString("0", Culture)}/{value.Denominator.ToString("0", Culture)}"
        : Percent(value.ToDecimal());

    private string Qualify(Figure figure, string text) => figure.Approximation == Approximation.None
        ? text
        : $"{ApproximationWord(figure.Approximation, figure.Unit)} {text}";
}
