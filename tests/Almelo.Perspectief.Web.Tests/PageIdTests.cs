using System.Xml.Linq;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// Every page of the shipped content and of every fixture: each id occurs once, and every id the page points at
/// (aria-labelledby, aria-describedby, aria-controls, a link to an anchor on the same page) exists. Journalists'
/// links and screen readers depend on both.
/// </summary>
public sealed class PageIdTests
{
    public static TheoryData<string> ContentFolders => ["live", "referentie", "kort-nieuws", "met-uitkomst"];

    [Theory]
    [MemberData(nameof(ContentFolders))]
    public async Task EveryPage_HasUniqueIds_AndEveryReferenceFindsItsTarget(string folder)
    {
        using var content = folder switch
        {
            "live" => ContentFixture.Live(),
            "met-uitkomst" => ContentFixture.WithOutcome(),
            _ => ContentFixture.Reference(),
        };
        // "kort-nieuws" is one publication folder: a second, short publication beside the reference one.
        if (folder == "kort-nieuws")
        {
            using var extra = ContentFixture.FromFixture(folder);
            Directory.Move(extra.Root, content.PathOf(folder));
        }
        await using var factory = new PerspectiefFactory(content.Root);
        var client = factory.CreateClient();
        var sitemap = XDocument.Parse(await client.GetStringAsync(new Uri("/sitemap.xml", UriKind.Relative)));
        var pages = sitemap.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList();
        Assert.NotEmpty(pages);

        var checkedPages = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(pages);
        while (queue.TryDequeue(out var path))
        {
            if (!checkedPages.Add(path))
            {
                continue;
            }
            var document = new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
            AssertIdsAreUniqueAndFound(document, path);
            // The source pages (the press release as HTML) are linked from the publication, not listed in the sitemap.
            foreach (var link in document.QuerySelectorAll("a[href*='/bron/']").Select(a => a.GetAttribute("href")!.Split('#')[0]))
            {
                queue.Enqueue(link);
            }
        }
    }

    internal static void AssertIdsAreUniqueAndFound(IHtmlDocument document, string path)
    {
        var ids = document.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        var duplicates = ids.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{path}: ids used more than once: {string.Join(", ", duplicates)}");

        var known = ids.ToHashSet(StringComparer.Ordinal);
        var referenced = document.QuerySelectorAll("[aria-labelledby], [aria-describedby], [aria-controls]")
            .SelectMany(e => $"{e.GetAttribute("aria-labelledby")} {e.GetAttribute("aria-describedby")} {e.GetAttribute("aria-controls")}".Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(document.QuerySelectorAll("a[href*='#']")
                .Select(a => a.GetAttribute("href")!)
                .Where(href => href.StartsWith('#') || href.StartsWith(path + "#", StringComparison.Ordinal))
                .Select(href => href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]))
            .Distinct(StringComparer.Ordinal);
        Assert.All(referenced, id => Assert.True(known.Contains(id), $"{path}: nothing has id '{id}'"));
    }
}
