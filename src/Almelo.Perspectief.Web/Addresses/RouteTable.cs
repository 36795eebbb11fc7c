using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>
/// Every address the site answers, each in one line: the template that its endpoint or page is mapped with, and
/// (through the route's type) the one builder of its addresses, which endpoints, components, downloads, the sitemap
/// and the export all use. A page's template is also a constant, because a component takes its route from an attribute.
/// </summary>
internal static class RouteTable
{
    public const string HomeTemplate = "/";
    public const string PublicationTemplate = "/{Slug}";
    public const string SourcePageTemplate = "/{Slug}/bron/{SourceId}";
    public const string AccessibilityTemplate = "/toegankelijkheid";
    public const string PrivacyTemplate = "/privacy";

    // The English pages, under the English prefix (SiteLanguage.English.PathPrefix): a constant, because a page takes
    // its routes from attributes. Their addresses come from the builders below, given the language, never from "/en".
    public const string EnglishHomeTemplate = "/en";
    public const string EnglishPublicationTemplate = "/en/{Slug}";
    public const string EnglishAccessibilityTemplate = "/en/accessibility";
    public const string EnglishPrivacyTemplate = "/en/privacy";
    public const string NotFoundTemplate = "/niet-gevonden";
    public const string ErrorTemplate = "/fout";

    /// <summary>
    /// The prefix of a publication's downloads and files, which are mapped as one group: only a name that can be a
    /// publication (an id) matches, so that no other address ever reaches them.
    /// </summary>
    public const string PublicationFolder = "/{slug:regex(" + Anchors.IdPattern + ")}";

    /// <summary>The prefix of an English edition's pictures: the publication's folder under <c>/en</c>.</summary>
    public const string EnglishFolder = "/en" + PublicationFolder;

    public static readonly PageRoute Home = new(HomeTemplate, EnglishHomeTemplate);

    /// <summary>A publication's page in the language of the edition it is given (its downloads stay one per publication).</summary>
    public static readonly PublicationPageRoute Publication = new(PublicationTemplate, EnglishPublicationTemplate);

    /// <summary>A source's readable page: a shipped text copy rendered as HTML.</summary>
    public static readonly SourceRoute SourcePage = new(SourcePageTemplate);

    public static readonly PageRoute Accessibility = new(AccessibilityTemplate, EnglishAccessibilityTemplate);
    public static readonly PageRoute Privacy = new(PrivacyTemplate, EnglishPrivacyTemplate);
    public static readonly FixedRoute NotFound = new(NotFoundTemplate);
    public static readonly FixedRoute Error = new(ErrorTemplate);

    public static readonly PublicationRoute FiguresCsv = new(PublicationFolder + "/cijfers.csv");
    public static readonly PublicationRoute FiguresJson = new(PublicationFolder + "/cijfers.json");
    public static readonly PublicationRoute Calendar = new(PublicationFolder + "/vergaderingen.ics");
    public static readonly MeetingRoute MeetingCalendar = new(PublicationFolder + "/vergaderingen/{id}.ics");

    /// <summary>A chart as a picture, drawn from its figures (Pictures/).</summary>
    public static readonly ChartRoute ChartSvg = new(PublicationFolder + "/grafiek/{id}.svg");
    public static readonly ChartRoute ChartPng = new(PublicationFolder + "/grafiek/{id}.png");

    /// <summary>The picture share cards show, drawn from the title and figures (Pictures/SharePicture).</summary>
    public static readonly PublicationRoute ShareImage = new(PublicationFolder + "/deelafbeelding.png");

    /// <summary>
    /// The pictures of an English edition, under its page's address: drawn from its words with English formatting. The
    /// other files of a publication (downloads, sources) are one per publication, at the Dutch addresses.
    /// </summary>
    public static readonly ChartRoute EnglishChartSvg = new(EnglishFolder + "/grafiek/{id}.svg");
    public static readonly ChartRoute EnglishChartPng = new(EnglishFolder + "/grafiek/{id}.png");
    public static readonly PublicationRoute EnglishShareImage = new(EnglishFolder + "/deelafbeelding.png");

    /// <summary>A file the publication declares (a source's text), at its path in the publication's folder.</summary>
    public static readonly AttachmentRoute File = new(PublicationFolder + "/{**path:minlength(1)}");

    /// <summary>The island's fresh markup, which the page's starter fetches just before it starts Blazor.</summary>
    public static readonly PublicationRoute Island = new("/_eiland/{slug}/wetten");

    /// <summary>The chart pictures, share picture and island of an edition in a language.</summary>
    public static ChartRoute ChartSvgIn(SiteLanguage language) => language.IsDutch ? ChartSvg : EnglishChartSvg;

    public static ChartRoute ChartPngIn(SiteLanguage language) => language.IsDutch ? ChartPng : EnglishChartPng;

    public static PublicationRoute ShareImageIn(SiteLanguage language) => language.IsDutch ? ShareImage : EnglishShareImage;

    /// <summary>The island's address for an edition: the Dutch one has none of its own, so that its address stays as it was.</summary>
    public static string IslandPath(string slug, SiteLanguage language) =>
        language.IsDutch ? Island.Path(slug) : $"{Island.Path(slug)}?{IslandLanguage}={language.Code}";

    /// <summary>The island endpoint's query parameter for the language of the laws it shows.</summary>
    public const string IslandLanguage = "taal";

    public static readonly FixedRoute Sitemap = new("/sitemap.xml");
    public static readonly FixedRoute Robots = new("/robots.txt");
    public static readonly FixedRoute SecurityTxt = new("/.well-known/security.txt");
    public static readonly FixedRoute Health = new("/health");
    public static readonly FixedRoute HealthLive = new("/health/live");

    /// <summary>For a monitor: 503 while the page needs an editor (content errors, or a decision not recorded in time).</summary>
    public static readonly FixedRoute HealthContent = new("/health/inhoud");
}
