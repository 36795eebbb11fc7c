using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>
/// The path of one page in one language: what the language switch, hreflang and the sitemap link to. Public because
/// a component (Layout/LanguageAlternates) takes it as a parameter.
/// </summary>
public sealed record LanguageAddress(SiteLanguage Language, string Path)
{
    /// <summary>A page of the site's own, which exists in every language.</summary>
    internal static IReadOnlyList<LanguageAddress> Of(PageRoute route) =>
        [.. SiteLanguage.All.Select(l => new LanguageAddress(l, route.Path(l)))];

    /// <summary>A publication's page in each language it has an edition in (Dutch only: no counterpart).</summary>
    internal static IReadOnlyList<LanguageAddress> Of(string slug, IEnumerable<SiteLanguage> editions) =>
        [.. editions.Select(l => new LanguageAddress(l, RouteTable.Publication.Path(slug, l)))];

    /// <summary>
    /// The hreflang alternates of a page (in its head and in the sitemap): every language it exists in, and the Dutch
    /// page as <c>x-default</c>; none for a page in one language.
    /// </summary>
    internal static IEnumerable<(string HrefLang, string Path)> Alternates(IReadOnlyList<LanguageAddress> pages) =>
        pages.Count < 2
            ? []
            : pages.Select(p => (p.Language.Code, p.Path)).Concat(pages.Where(p => p.Language.IsDutch).Select(p => ("x-default", p.Path)));
}
