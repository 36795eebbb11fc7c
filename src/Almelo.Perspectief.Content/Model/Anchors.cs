using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// The ids that a page gives to the things on it, so that a link can point at one of them (#cijfer-besparing-totaal).
/// Validation checks links in the text against the same names the page uses.
/// </summary>
public static partial class Anchors
{
    /// <summary>What an id and a publication's folder name (its web address) may look like: "perspectiefnota-2026-2029".</summary>
    public const string IdPattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    /// <summary>Whether the text is a valid id (the pattern's <c>$</c> also matches before a final line break, which an id may not have).</summary>
    public static bool IsId(string text) => IdRegex().IsMatch(text) && !text.EndsWith('\n');

    [GeneratedRegex(IdPattern, RegexOptions.CultureInvariant)]
    private static partial Regex IdRegex();

    /// <summary>The section every publication page ends with; content may not declare it.</summary>
    public const string PressSection = "voor-de-pers";

    /// <summary>The glossary section; content may not declare it.</summary>
    public const string GlossarySection = "begrippen";

    /// <summary>The notice under the title that says where the council's decision stands.</summary>
    public const string Status = "status";

    /// <summary>Ids the page itself uses; a section in content may not take one.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        PressSection, GlossarySection, "tijdlijn", "inhoud", "wetten", "wetten-uitleg", "sectie-menu-kop", "meldingen", "inhoudsfouten-kop",
        Status, "bronnen", "pers-bronnen", "pers-downloads", "pers-wijzigingen",
    };

    /// <summary>Prefixes and suffixes of ids the page makes itself (cijfer-…, …-kop); a section id may not look like one.</summary>
    private static readonly string[] GeneratedPrefixes = ["cijfer-", "grafiek-", "vergadering-", "wet-", "begrip-", "bron-"];

    /// <summary>True when the page may itself give an element this id, so that a section with it would clash.</summary>
    public static bool IsReserved(string id) =>
        Reserved.Contains(id)
        || GeneratedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal))
        || id.EndsWith(HeadingSuffix, StringComparison.Ordinal);

    private const string HeadingSuffix = "-kop";

    /// <summary>The id of a section's heading, for aria-labelledby.</summary>
    public static string Heading(string sectionId) => sectionId + HeadingSuffix;

    /// <summary>The id of a source in the list of sources under "Voor de pers".</summary>
    public static string Source(string id) => $"bron-{id}";

    public static string ChartTitle(string chartId) => $"{Chart(chartId)}-titel";

    public static string ChartTable(string chartId) => $"{Chart(chartId)}-tabel";

    public static string Figure(string id) => $"cijfer-{id}";

    public static string Chart(string id) => $"grafiek-{id}";

    public static string Meeting(string id) => $"vergadering-{id}";

    public static string Law(string id) => $"wet-{id}";

    public static string Term(string id) => $"begrip-{id}";

    /// <summary>Everything on a publication's page that a link may point at, apart from the sections.</summary>
    public static IEnumerable<string> Of(IEnumerable<string> figureIds, IEnumerable<string> chartIds, IEnumerable<string> meetingIds, IEnumerable<string> lawIds) =>
        figureIds.Select(Figure)
            .Concat(chartIds.Select(Chart))
            .Concat(meetingIds.Select(Meeting))
            .Concat(lawIds.Select(Law));
}
