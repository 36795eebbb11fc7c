using Almelo.Perspectief.Web.Addresses;

namespace Almelo.Perspectief.Web.Components.Pages;

/// <summary>The pages that are not publications, in every language, with the date their text last changed (for the sitemap).</summary>
internal static class SitePages
{
    public static readonly IReadOnlyList<(PageRoute Route, DateOnly LastModified)> All =
    [
        (RouteTable.Accessibility, Accessibility.Reviewed),
        (RouteTable.Privacy, Privacy.Reviewed),
    ];
}
