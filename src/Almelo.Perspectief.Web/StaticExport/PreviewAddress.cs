using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// Where a preview of a proposed change is served (<c>export --voorbeeld=https://…/pr-7/</c>), often in a folder of
/// a shared site. The site writes every address from <c>/</c>; the export moves each one into the folder, so that no
/// link of the preview leads out of it into another preview or into the shared site's root.
/// </summary>
internal sealed partial record PreviewAddress(Uri Address)
{
    /// <summary>The folder, starting and ending with '/': <c>/pr-7/</c>, or <c>/</c> for a preview at a host's root.</summary>
    public string Folder => Address.AbsolutePath;

    /// <summary>The address as given, with the folder's closing '/' added; null when it is no http(s) address or has a query or fragment.</summary>
    public static PreviewAddress? Parse(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath.Contains("//", StringComparison.Ordinal))
        {
            return null;
        }
        return new PreviewAddress(uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/"));
    }

    /// <summary>
    /// The page with every address that starts at the site's root (<c>href</c>, <c>src</c>, <c>action</c>,
    /// <c>poster</c>, <c>data-…</c> and the <c>&lt;base href&gt;</c> relative addresses resolve against) moved into the folder.
    /// </summary>
    public string MoveIntoFolder(string html) =>
        Folder == "/" ? html : RootAddress().Replace(html, match => match.Groups["attribute"].Value + Folder);

    [GeneratedRegex("""(?<attribute>\s(?:href|src|action|poster|data-[a-z0-9-]+)\s*=\s*["'])/(?![/\\])""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RootAddress();
}
