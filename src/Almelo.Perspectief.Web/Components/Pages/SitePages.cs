using Almelo.Perspectief.Web.Addresses;

namespace Almelo.Perspectief.Web.Components.Pages;

/// <summary>The pages that are not publications, with the date their text last changed (for the sitemap).</summary>
internal static class SitePages
{
    public static readonly IReadOnlyList<(string Path, DateOnly LastModified)> All =
    [
        (RouteTable.Accessibility.Path(), Accessibility.Reviewed),
        (RouteTable.Privacy.Path(), Privacy.Reviewed),
    ];
}
