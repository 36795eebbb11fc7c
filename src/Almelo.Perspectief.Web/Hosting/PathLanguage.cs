using Almelo.Perspectief.Content.Model;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// The language of a request comes from its address only: <c>/en</c> and <c>/en/…</c> are English, everything else
/// Dutch. Never from <c>Accept-Language</c> or a cookie: a shared cache would then serve one reader's language to
/// another, and a link would not say what it shows.
/// </summary>
internal static class PathLanguage
{
    /// <summary>The language of an address.</summary>
    public static SiteLanguage Of(PathString path)
    {
        foreach (var language in SiteLanguage.All.Where(l => !l.IsDutch))
        {
            if (path.StartsWithSegments(language.PathPrefix, StringComparison.Ordinal))
            {
                return language;
            }
        }
        return SiteLanguage.Dutch;
    }

    /// <summary>
    /// Sets the request's culture from its address (a re-executed "not found" or error page keeps the language of the
    /// address that was not found or failed), for every render: the process culture may be anything.
    /// </summary>
    public static IApplicationBuilder UsePathLanguage(this IApplicationBuilder app)
    {
        var cultures = SiteLanguage.All.Select(l => l.Culture).ToList();
        return app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(SiteLanguage.Dutch.Culture),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            RequestCultureProviders = [new CustomRequestCultureProvider(context =>
            {
                var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } original
                    ? new PathString(original)
                    : context.Features.Get<IExceptionHandlerPathFeature>()?.Path is { } failed
                        ? new PathString(failed)
                        : context.Request.Path;
                var culture = Of(path).Culture.Name;
                return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(culture, culture));
            })],
        });
    }
}
