using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Formatting;

/// <summary>
/// Fills <c>{cijfer:id}</c> in a plain-text content string (a chart title or summary) with the formatted figure,
/// so that no number is ever written twice in content.
/// </summary>
public static partial class FigureTemplate
{
    public const string Prefix = "cijfer:";

    [GeneratedRegex(@"\{cijfer:([^}\s]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <summary>Every figure id a text refers to, in order.</summary>
    public static IEnumerable<string> References(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value);

    public static string Fill(string text, Func<string, Figure?> lookup, TextFormat format) => Placeholder().Replace(text, m =>
        lookup(m.Groups[1].Value) is { } figure ? format.InText(figure) + Mark(figure, format) : m.Value);

    /// <summary>
    /// What follows a figure in a sentence: " (berekend)" for one the site computed, so that no computed number reads
    /// as a fact from a source; nothing for a stated one. Every <c>{cijfer:id}</c>, in Markdown or plain text, ends with it.
    /// </summary>
    public static string Mark(Figure figure, TextFormat format) => figure.IsDerived ? format.CalculatedMark : string.Empty;
}
