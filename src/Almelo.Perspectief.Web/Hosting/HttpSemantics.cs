using Almelo.Perspectief.Web.Components.Publication;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>HTTP as clients expect it: HEAD wherever GET works, the "not found" page only for 404, and the island's fresh markup.</summary>
internal static class HttpSemantics
{
    /// <summary>
    /// HEAD is answered as GET: same status and headers, from the same cache entry. Kestrel itself leaves out the body
    /// of a response to a HEAD request, whatever the method is called further on.
    /// </summary>
    public static void UseHeadAsGet(this WebApplication app) => app.Use((context, next) =>
    {
        if (HttpMethods.IsHead(context.Request.Method))
        {
            context.Request.Method = HttpMethods.Get;
        }
        return next(context);
    });

    /// <summary>Other 4xx statuses (416 for an unsatisfiable range, 405, 400) keep their meaning instead of becoming the "not found" page.</summary>
    public static void UseNotFoundPageOnlyFor404(this WebApplication app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status404NotFound && context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }
    });

    /// <summary>The island's address of fresh markup, which the page's starter fetches just before it starts Blazor.</summary>
    public static string IslandPath(string slug) => $"/_eiland/{slug}/wetten";

    /// <summary>
    /// The law chooser alone, prerendered now with a fresh descriptor for its circuit. A page may come from a shared
    /// cache and be older than the descriptor's five-minute lifetime; the starter (js/eiland.js) swaps this in first.
    /// Never cached by anyone.
    /// </summary>
    public static void MapIsland(this WebApplication app) =>
        app.MapGet("/_eiland/{slug}/wetten", Results<RazorComponentResult<LawChooserFragment>, NotFound> (string slug, ContentStore store, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = "no-store";
            return store.Current.Find(slug) is { Laws.Count: > 0 }
                ? new RazorComponentResult<LawChooserFragment>(new { Slug = slug })
                : TypedResults.NotFound();
        });
}
