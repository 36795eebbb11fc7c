using System.Globalization;
using System.Xml.Linq;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>
/// <c>/sitemap.xml</c>: the home page, every publication and the site's own pages in every language they exist in,
/// each with the date it last changed and, when it has a counterpart, its addresses in every language (hreflang).
/// </summary>
internal static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace Xhtml = "http://www.w3.org/1999/xhtml";

    /// <summary>A publication's date is the day its page (in that language) last changed on <paramref name="today"/>, its status included.</summary>
    public static string Write(Uri site, ContentSnapshot content, DateOnly today, IEnumerable<(PageRoute Route, DateOnly LastModified)> pages)
    {
        var publications = content.NewestFirst
            .Select(p => LanguageAddress.Of(p.Slug, content.Editions(p.Slug))
                .Select(a => (Address: a, LastModified: content.Find(p.Slug, a.Language)!.ModifiedOn(today)))
                .ToList())
            .ToList();
        var newest = publications.Count == 0 ? DateOnly.MinValue : publications.Max(e => e[0].LastModified);
        var all = new[] { Dated(RouteTable.Home, newest) }
            .Concat(publications)
            .Concat(pages.Select(page => Dated(page.Route, page.LastModified)));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Ns + "urlset",
                new XAttribute(XNamespace.Xmlns + "xhtml", Xhtml),
                all.SelectMany(editions => editions.Select(page => new XElement(
                    Ns + "url",
                    new XElement(Ns + "loc", new Uri(site, page.Address.Path).ToString()),
                    new XElement(Ns + "lastmod", page.LastModified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                    Alternates(site, editions.Select(e => e.Address).ToList()))))));
        return document.Declaration + "\n" + document.ToString(SaveOptions.None);
    }

    private static List<(LanguageAddress Address, DateOnly LastModified)> Dated(PageRoute route, DateOnly lastModified) =>
        [.. LanguageAddress.Of(route).Select(a => (a, lastModified))];

    private static IEnumerable<XElement> Alternates(Uri site, List<LanguageAddress> editions) =>
        LanguageAddress.Alternates(editions).Select(e => new XElement(
            Xhtml + "link",
            new XAttribute("rel", "alternate"),
            new XAttribute("hreflang", e.HrefLang),
            new XAttribute("href", new Uri(site, e.Path).ToString())));
}
