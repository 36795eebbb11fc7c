using Almelo.Perspectief.Content.Model;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>Absolute addresses of the site's pages and files: from <c>Site:BaseUrl</c>, or else from the request.</summary>
internal sealed class PublicAddress(IOptions<SiteOptions> options, IHttpContextAccessor accessor)
{
    public Uri Base
    {
        get
        {
            if (!string.IsNullOrEmpty(options.Value.BaseUrl))
            {
                return new Uri(options.Value.BaseUrl);
            }
            var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the address from; set Site:BaseUrl.");
            return new Uri($"{request.Scheme}://{request.Host}/");
        }
    }

    public Uri Of(string path) => new(Base, path);

    /// <summary>A link to an anchor on the publication's page, with its path: a bare "#id" would resolve against &lt;base href="/"&gt;.</summary>
    public static string AnchorPath(Publication publication, string anchor) => $"{RouteTable.Publication.Path(publication)}#{anchor}";

    /// <summary>The path of the page being rendered, without its query or fragment: what a link to one of its own anchors needs.</summary>
    public static string CurrentPath(NavigationManager navigation) => "/" + navigation.ToBaseRelativePath(navigation.Uri).Split('#', '?')[0];

    /// <summary>Where a reader can read a source: its own address, or else the page this site makes of its text copy.</summary>
    public static string? ReadingPath(Publication publication, Source source) =>
        source.Url?.ToString() ?? (source.File is not null ? RouteTable.SourcePage.Path(publication, source) : null);

    public Uri Page(Publication publication, string? anchor = null) => Of(RouteTable.Publication.Path(publication) + (anchor is null ? string.Empty : "#" + anchor));
}
