using System.Globalization;
using System.Xml.Linq;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary><c>/sitemap.xml</c>: the home page and every publication, with the date it last changed.</summary>
internal static class Sitemap
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    /// <summary>A publication's date is the day its page last changed on <paramref name="today"/>, its status included.</summary>
    public static string Write(Uri site, ContentSnapshot content, DateOnly today, IEnumerable<(string Path, DateOnly LastModified)> pages)
    {
        var entries = content.NewestFirst.Select(p => (Path: RouteTable.Publication.Path(p), LastModified: p.ModifiedOn(today))).ToList();
        var newest = entries.Count == 0 ? DateOnly.MinValue : entries.Max(e => e.LastModified);
        var all = new[] { (Path: RouteTable.Home.Path(), LastModified: newest) }.Concat(entries).Concat(pages);
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                Ns + "urlset",
                all.Select(page => new XElement(
                    Ns + "url",
                    new XElement(Ns + "loc", new Uri(site, page.Path).ToString()),
                    new XElement(Ns + "lastmod", page.LastModified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))))));
        return document.Declaration + "\n" + document.ToString(SaveOptions.None);
    }
}
