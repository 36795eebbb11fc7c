using System.Net;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>Fills the status-driven sentences of a section's rendered text for one day.</summary>
public static partial class StatusSentences
{
    public const string Prefix = "status:";

    [GeneratedRegex("<data class=\"status-zin\" value=\"([a-z0-9-]+)\"></data>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    internal static string Marker(string name) => $"<data class=\"status-zin\" value=\"{name}\"></data>";

    /// <summary>The section's HTML with each <c>{status:naam}</c> replaced by the sentence of the stage on <paramref name="today"/>.</summary>
    public static string Fill(string html, Publication publication, DateOnly today) =>
        html.Contains("status-zin", StringComparison.Ordinal)
            ? MarkerPattern().Replace(html, m => WebUtility.HtmlEncode(PublicationStatus.Sentence(publication, m.Groups[1].Value, today) ?? string.Empty))
            : html;
}
