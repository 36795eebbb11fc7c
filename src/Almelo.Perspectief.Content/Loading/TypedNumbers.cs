using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Numbers as editors type them: the Dutch way (15.000 for fifteen thousand, 0,4), with spaces or with a currency
/// sign. JSON reads a point as the decimal mark and allows none of the rest, so such a number is silently another
/// number (15.000 is 15) or a syntax error that says nothing about numbers. These checks read the number as written
/// and say what to type instead.
/// </summary>
internal static partial class TypedNumbers
{
    private const string Aandeel = "aandeel";

    /// <summary>Longest stretch looked at around a syntax error: a number is short, a hostile line is not.</summary>
    private const int MaxNumberLength = 64;

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPoint();

    [GeneratedRegex(@"^[0-9]+([.,][0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(euro|eur)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyWord();

    [GeneratedRegex(@"[0-9.,][\s\u00A0\u202F]+[0-9]", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedDigits();

    /// <summary>
    /// Every stated figure in cijfers.json whose unit is an amount or a count (anything but an aandeel) and whose
    /// "waarde" is written with a point before exactly three digits (15.000): an error there, read from the file as
    /// written, whether or not the rest of the file passed its schema. Returns the ids of those figures, so that no
    /// calculation goes on with the wrong number and reports its consequence somewhere else.
    /// </summary>
    public static HashSet<string> CheckFigures(JsonDocumentSource file, ICollection<ContentError> errors)
    {
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        if (file.Root.ValueKind != JsonValueKind.Object
            || !file.Root.TryGetProperty("cijfers", out var figures)
            || figures.ValueKind != JsonValueKind.Array)
        {
            return rejected;
        }
        var index = 0;
        foreach (var figure in figures.EnumerateArray())
        {
            if (figure.ValueKind == JsonValueKind.Object
                && figure.TryGetProperty("eenheid", out var unit) && unit.ValueKind == JsonValueKind.String && unit.GetString() != Aandeel
                && figure.TryGetProperty("waarde", out var value) && value.ValueKind == JsonValueKind.Number
                && value.GetRawText() is var raw && ThousandsPoint().IsMatch(raw))
            {
                errors.Add(file.ErrorAt($"/cijfers/{index}/waarde", PointMessage(raw)));
                if (figure.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    rejected.Add(id.GetString() ?? string.Empty);
                }
            }
            index++;
        }
        return rejected;
    }

    private static string PointMessage(string raw)
    {
        var read = double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture).ToString(CultureInfo.GetCultureInfo("nl-NL"));
        return $"Schrijf {raw.Replace(".", string.Empty, StringComparison.Ordinal)}, zonder punt: in dit bestand is een punt een komma, dus {raw} betekent hier {read}. Een bedrag of aantal is een heel getal.";
    }

    /// <summary>
    /// For a JSON syntax error at byte <paramref name="errorOffset"/>: when the error lies inside a value typed as a
    /// number with a comma, a space, a currency sign or more than one point (<c>"waarde": 15,000</c>, <c>€ 15000</c>,
    /// <c>1.250.000</c>), the byte offset where that value starts and what to write instead; null for any other error.
    /// Looks only at the error's line, and at most a few dozen characters of it.
    /// </summary>
    public static (int Offset, string Message)? AtSyntaxError(ReadOnlySpan<byte> json, int errorOffset)
    {
        if (errorOffset < 0 || errorOffset > json.Length)
        {
            return null;
        }
        var from = Math.Max(0, errorOffset - MaxNumberLength);
        var lineStart = from + json[from..errorOffset].LastIndexOf((byte)'\n') + 1;
        var to = Math.Min(json.Length, errorOffset + MaxNumberLength);
        var lineEnd = json[errorOffset..to].IndexOf((byte)'\n') is var end and >= 0 ? errorOffset + end : to;
        // The stretch may start or end inside a character: a number is ASCII, so a broken character only ends the search.
        var before = Encoding.UTF8.GetString(json[lineStart..errorOffset]);
        var after = Encoding.UTF8.GetString(json[errorOffset..lineEnd]);

        var start = before.Length;
        while (start > 0 && IsNumberPart(before[start - 1]))
        {
            start--;
        }
        var colon = start - 1;
        if (colon < 0 || before[colon] != ':')
        {
            return null;
        }
        var typed = before[start..] + TypedPart(after);
        var leading = typed.Length - typed.TrimStart().Length;
        // A comma at the end is the one between this field and the next.
        typed = typed.Trim().TrimEnd(',', ' ', '\t');
        if (typed.Length == 0 || !typed.Any(char.IsAsciiDigit) || Message(typed) is not { } message)
        {
            return null;
        }
        // Counted back from the error: the stretch before it may begin with a broken character, this part cannot.
        var first = Math.Min(start + leading, before.Length);
        return (errorOffset - Encoding.UTF8.GetByteCount(before[first..]), message);
    }

    /// <summary>The start of <paramref name="text"/> that still belongs to a typed number: digits, separators, currency.</summary>
    private static string TypedPart(string text)
    {
        var length = 0;
        while (length < text.Length)
        {
            if (IsNumberPart(text[length]))
            {
                length++;
                continue;
            }
            var word = 0;
            while (length + word < text.Length && char.IsAsciiLetter(text[length + word]))
            {
                word++;
            }
            if (word == 0 || !CurrencyWord().IsMatch(text.AsSpan(length, word)))
            {
                break;
            }
            length += word;
        }
        return text[..length];
    }

    private static bool IsNumberPart(char c) =>
        char.IsAsciiDigit(c) || c is '.' or ',' or ' ' or '\t' or '\u00A0' or '\u202F' or '€' or '$' or '-' or '+';

    /// <summary>What to write instead of <paramref name="typed"/>, or null when it has none of the mistakes this class knows.</summary>
    private static string? Message(string typed)
    {
        // The only letters a typed number can hold here are a currency word (see TypedPart).
        var currency = typed.Any(c => c is '€' or '$' || char.IsAsciiLetter(c));
        var spaced = SpacedDigits().IsMatch(typed);
        var bare = new string(typed.Where(c => char.IsAsciiDigit(c) || c is '.' or ',' or '-' or '+').ToArray());
        var comma = bare.Contains(',');
        var points = bare.Count(c => c == '.') > 1;
        if (!currency && !spaced && !comma && !points)
        {
            return null;
        }
        var suggestion = Suggest(bare);
        var write = suggestion ?? "alleen cijfers, bijvoorbeeld 15000";
        if (currency)
        {
            return $"Schrijf {write}, zonder €-teken of 'euro': alleen het getal. Dat het om euro's gaat, staat al bij \"eenheid\".";
        }
        if (spaced)
        {
            return $"Schrijf {write}, zonder spaties: in dit bestand heeft een getal geen spaties.";
        }
        if (comma)
        {
            return suggestion is not null && suggestion.Contains('.')
                ? $"Schrijf {write}: in dit bestand schrijft u een kommagetal met een punt, niet met een komma."
                : $"Schrijf {write}, zonder komma: in dit bestand staat een komma alleen tussen twee velden, nooit in een getal.";
        }
        return $"Schrijf {write}, zonder punten: in dit bestand is een punt een komma.";
    }

    /// <summary>The number meant, as JSON writes it: 15.000,50 → 15000.50, 15,000 → 15000, 0,4 → 0.4; null when unclear.</summary>
    private static string? Suggest(string bare)
    {
        var sign = bare.StartsWith('-') ? "-" : string.Empty;
        var digits = bare.TrimStart('-', '+');
        if (!Digits().IsMatch(digits))
        {
            return null;
        }
        var lastComma = digits.LastIndexOf(',');
        var lastPoint = digits.LastIndexOf('.');
        if (lastComma >= 0 && lastPoint >= 0)
        {
            // Both marks: the last one is the decimal mark, the other groups thousands.
            var (grouping, decimalMark) = lastComma > lastPoint ? ('.', ',') : (',', '.');
            return Single(sign + digits.Replace(grouping.ToString(), string.Empty, StringComparison.Ordinal).Replace(decimalMark, '.'));
        }
        var mark = lastComma >= 0 ? ',' : '.';
        var groups = digits.Split(mark);
        // Groups of three after the mark are thousands (15.000, 15,000), unless it reads as a share (0,125).
        if (groups.Length > 1 && groups.Skip(1).All(g => g.Length == 3) && !(groups.Length == 2 && groups[0] == "0"))
        {
            return sign + string.Concat(groups);
        }
        return groups.Length <= 2 ? sign + digits.Replace(mark, '.') : null;
    }

    private static string? Single(string number) => number.Count(c => c == '.') > 1 ? null : number;
}
