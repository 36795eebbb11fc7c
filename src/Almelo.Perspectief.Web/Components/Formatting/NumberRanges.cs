using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Web.Components.Formatting;

/// <summary>Finds number ranges such as "2026-2029" in a text, so that the page can keep each on one line.</summary>
internal static partial class NumberRanges
{
    public static IEnumerable<(string Part, bool Range)> Split(string text)
    {
        var at = 0;
        foreach (Match match in Range().Matches(text))
        {
            if (match.Index > at)
            {
                yield return (text[at..match.Index], false);
            }
            yield return (match.Value, true);
            at = match.Index + match.Length;
        }
        if (at < text.Length)
        {
            yield return (text[at..], false);
        }
    }

    [GeneratedRegex(@"\d+[-–]\d+", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex Range();
}
