using Microsoft.AspNetCore.Diagnostics;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>HTTP as clients expect it: HEAD wherever GET works, and the "not found" page only for 404.</summary>
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
}
