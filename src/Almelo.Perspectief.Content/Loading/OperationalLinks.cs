using System.Text;
using Almelo.Perspectief.Content.Model;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Links in the content to an address the site keeps for itself (<see cref="SiteRoutes"/>): in tekst.md and in the
/// JSON files. The site still works, so they are warnings, not errors; but a reader finds nothing there, and a static
/// export leaves them out.
/// </summary>
public static class OperationalLinks
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    /// <summary>
    /// One located warning per such link in the snapshot's files. A link starting with <c>/</c> is always one of the
    /// site's; a full web address only when its host is <paramref name="siteHost"/> (<c>perspectief.almelo.nl</c>),
    /// or, when the site's address is not known, on any host.
    /// </summary>
    public static IReadOnlyList<ContentWarning> In(ContentSnapshot snapshot, string? siteHost)
    {
        var warnings = new List<ContentWarning>();
        foreach (var file in snapshot.Files)
        {
            if (SiteLanguage.All.Any(l => file.RelativePath.EndsWith("/" + ContentLoader.TextFileIn(l), StringComparison.Ordinal)))
            {
                InMarkdown(file, siteHost, warnings);
            }
            else if (file.RelativePath.EndsWith(".json", StringComparison.Ordinal))
            {
                InJson(file, siteHost, warnings);
            }
        }
        return warnings;
    }

    private static void InMarkdown(ContentFile file, string? siteHost, List<ContentWarning> warnings)
    {
        var text = Encoding.UTF8.GetString(file.Bytes.Span).TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var inline in Markdig.Markdown.Parse(text, Pipeline).Descendants<Inline>())
        {
            var url = inline switch
            {
                LinkInline link => link.Url,
                AutolinkInline { IsEmail: false } autolink => autolink.Url,
                _ => null,
            };
            if (Operational(url, siteHost, relative: true) is { } path)
            {
                warnings.Add(new ContentWarning(new ContentLocation(file.RelativePath, inline.Line + 1, inline.Column + 1), Message(url!, path)));
            }
        }
    }

    private static void InJson(ContentFile file, string? siteHost, List<ContentWarning> warnings)
    {
        var errors = new List<ContentError>();
        if (JsonDocumentSource.Parse(file.Bytes.ToArray(), file.RelativePath, errors) is not { } json)
        {
            return;
        }
        foreach (var (pointer, text) in json.Strings())
        {
            // A text that is a whole web address is shown as a link (a source, an agenda); other texts never are.
            if (Operational(text, siteHost, relative: false) is { } path)
            {
                var at = json.ErrorAt(pointer, Message(text, path));
                warnings.Add(new ContentWarning(new ContentLocation(at.File, at.Line, at.Column), at.Message));
            }
        }
    }

    /// <summary>The path of a link to one of the site's own addresses; null for any other link.</summary>
    private static string? Operational(string? url, string? siteHost, bool relative)
    {
        if (string.IsNullOrEmpty(url))
        {
            return null;
        }
        if (url.StartsWith('/'))
        {
            // In the text "/x" is a link to this site; in JSON only a whole web address becomes a link. The loader refuses "//host/x".
            if (!relative || url.StartsWith("//", StringComparison.Ordinal))
            {
                return null;
            }
            var path = url.Split('?', '#')[0];
            return SiteRoutes.IsOperational(path) ? path : null;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp)
            && (siteHost is null || string.Equals(address.Host, siteHost, StringComparison.OrdinalIgnoreCase))
            && SiteRoutes.IsOperational(address.AbsolutePath)
                ? address.AbsolutePath
                : null;
    }

    private static string Message(string url, string path) =>
        $"De link '{url}' gaat naar {path}: dat adres gebruikt de site zelf (voor de techniek of een foutmelding), het is geen pagina voor lezers. Een export van de site slaat het over. Link naar een pagina of haal de link weg.";
}
