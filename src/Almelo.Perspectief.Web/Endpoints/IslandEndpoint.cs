using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Components.Publication;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary>The interactive island's fresh markup.</summary>
internal static class IslandEndpoint
{
    /// <summary>
    /// The law chooser alone, prerendered now with a fresh descriptor for its circuit. A page may come from a shared
    /// cache and be older than the descriptor's five-minute lifetime; the starter (js/eiland.js) swaps this in first.
    /// Never cached by anyone. The edition's language comes from <c>?taal=</c> (none is Dutch), because the request's
    /// own culture, like the circuit's, is always Dutch: the address is not under <c>/en</c>.
    /// </summary>
    public static void MapIsland(this WebApplication app) =>
        app.MapGet(RouteTable.Island.Template, Results<RazorComponentResult<LawChooserFragment>, NotFound> (string slug, [FromQuery(Name = RouteTable.IslandLanguage)] string? language, IContentSource store, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return (language is null ? SiteLanguage.Dutch : SiteLanguage.FromCode(language)) is { } edition && store.Current.Find(slug, edition) is { Laws.Count: > 0 }
                ? new RazorComponentResult<LawChooserFragment>(new { Slug = slug, Language = edition.Code })
                : TypedResults.NotFound();
        });
}
