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

    /// <summary>The section every publication page ends with ("Voor de pers").</summary>
    public const string PressSection = "voor-de-pers";

    /// <summary>The notice under the title that says where the council's decision stands.</summary>
    public const string Status = "status";

    /// <summary>The heading of the list of sources under "Voor de pers".</summary>
    public const string Sources = "bronnen";

    /// <summary>The list of changes under "Voor de pers", which the "wijzigingen" link under the title opens.</summary>
    public const string Changes = "pers-wijzigingen";

    /// <summary>The steps of the decision ("Zo wordt er besloten").</summary>
    public const string Timeline = "tijdlijn";

    /// <summary>How to take part in a council meeting and where to watch (site.json "raad"), under the meetings.</summary>
    public const string TakingPart = "meepraten";

    /// <summary>The laws of the social domain: the island that lets a reader choose one.</summary>
    public const string Laws = "wetten";

    /// <summary>The heading of the contents list ("Op deze pagina").</summary>
    public const string SectionMenuHeading = "sectie-menu-kop";

    /// <summary>The main part of every page, which the skip link leads to.</summary>
    public const string Main = "inhoud";

    /// <summary>The live region in which scripts announce what they did ("Link gekopieerd").</summary>
    public const string Announcements = "meldingen";

    /// <summary>The heading of the list of content errors, shown to editors in Development.</summary>
    public const string ContentErrorsHeading = "inhoudsfouten-kop";

    /// <summary>The ids of the page's fixed blocks, one element each; a section or an old id in content may not take one.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(
        [PressSection, Status, Sources, Changes, Timeline, TakingPart, Laws, SectionMenuHeading, Main, Announcements, ContentErrorsHeading],
        StringComparer.Ordinal);

    private const string FigurePrefix = "cijfer-";
    private const string ChartPrefix = "grafiek-";
    private const string MeetingPrefix = "vergadering-";
    private const string LawPrefix = "wet-";
    private const string TermPrefix = "begrip-";
    private const string SourcePrefix = "bron-";

    /// <summary>The prefixes of the ids the page gives to things content declares (cijfer-…); a section id may not start with one.</summary>
    public static readonly IReadOnlyList<string> GeneratedPrefixes = [FigurePrefix, ChartPrefix, MeetingPrefix, LawPrefix, TermPrefix, SourcePrefix];

    /// <summary>
    /// Joins an id to the part of its element it names (grafiek-x__titel). Content ids never contain "__", so an id
    /// made this way can never equal one that content writes, nor one made from another id.
    /// </summary>
    private const string PartSeparator = "__";

    /// <summary>True when the page may itself give an element this id, so that a section with it would clash.</summary>
    public static bool IsReserved(string id) =>
        Reserved.Contains(id) || GeneratedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal));

    /// <summary>The id of a section's heading, for aria-labelledby.</summary>
    public static string Heading(string sectionId) => sectionId + PartSeparator + "kop";

    /// <summary>The id of a source in the list of sources under "Voor de pers".</summary>
    public static string Source(string id) => SourcePrefix + id;

    /// <summary>The id of a chart's title, for aria-labelledby.</summary>
    public static string ChartTitle(string chartId) => Chart(chartId) + PartSeparator + "titel";

    /// <summary>The id of a chart's table.</summary>
    public static string ChartTable(string chartId) => Chart(chartId) + PartSeparator + "tabel";

    public static string Figure(string id) => FigurePrefix + id;

    /// <summary>The id of a figure's label in the figures table, which describes the figure's own link.</summary>
    public static string FigureLabel(string figureId) => Figure(figureId) + PartSeparator + "naam";

    /// <summary>The id of the n-th block (from 1) of a source's full text on its own page, so that a link can point at a paragraph.</summary>
    public static string SourceBlock(int number) => "alinea" + PartSeparator + number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Chart(string id) => ChartPrefix + id;

    public static string Meeting(string id) => MeetingPrefix + id;

    public static string Law(string id) => LawPrefix + id;

    /// <summary>The id of a law's explanation in the live law chooser, which its button opens.</summary>
    public static string LawExplanation(string lawId) => Law(lawId) + PartSeparator + "uitleg";

    public static string Term(string id) => TermPrefix + id;

    /// <summary>Everything on a publication's page that a link may point at, apart from the sections.</summary>
    public static IEnumerable<string> Of(IEnumerable<string> figureIds, IEnumerable<string> chartIds, IEnumerable<string> meetingIds, IEnumerable<string> lawIds) =>
        figureIds.Select(Figure)
            .Concat(chartIds.Select(Chart))
            .Concat(meetingIds.Select(Meeting))
            .Concat(lawIds.Select(Law));
}
