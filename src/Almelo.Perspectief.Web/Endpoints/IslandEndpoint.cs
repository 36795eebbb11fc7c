using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Components.Publication;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary>The interactive island's fresh markup.</summary>
internal static class IslandEndpoint
{
    /// <summary>
    /// The law chooser alone, prerendered now with a fresh descriptor for its circuit. A page may come from a shared
    /// cache and be older than the descriptor's five-minute lifetime; the starter (js/eiland.js) swaps this in first.
    /// Never cached by anyone.
    /// </summary>
    public static void MapIsland(this WebApplication app) =>
        app.MapGet(RouteTable.Island.Template, Results<RazorComponentResult<LawChooserFragment>, NotFound> (string slug, ContentStore store, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return store.Current.Find(slug) is { Laws.Count: > 0 }
                ? new RazorComponentResult<LawChooserFragment>(new { Slug = slug })
                : TypedResults.NotFound();
        });
}
