using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// Caches (the output cache, static files, nginx, a CDN) key on what the site chose, never on what a client made up:
/// every request asks for one of three encodings, and every address has one letter case. Otherwise one client with a
/// unique <c>Accept-Encoding</c> or a random letter case per request gets a new render (and a new cache entry) every time.
/// </summary>
internal static class CanonicalRequests
{
    public const string Brotli = "br";
    public const string Gzip = "gzip";

    /// <summary>
    /// Replaces the request's Accept-Encoding with the one encoding the site will send: <c>br</c>, <c>gzip</c> or none
    /// (identity). Goes before routing (static files pick their precompressed file there), the output cache (keyed on
    /// this header) and compression, so that all three see the same choice.
    /// </summary>
    public static void UseChosenEncoding(this WebApplication app) => app.Use((context, next) =>
    {
        var chosen = ChooseEncoding(context.Request.Headers.AcceptEncoding);
        if (chosen.Length == 0)
        {
            context.Request.Headers.Remove(HeaderNames.AcceptEncoding);
        }
        else
        {
            context.Request.Headers.AcceptEncoding = chosen;
        }
        return next(context);
    });

    /// <summary>
    /// The encoding with the highest quality the client gives it (RFC 9110 §12.5.3): a coding it names, else <c>*</c>,
    /// else not acceptable. Ties go to the smaller response (br, then gzip, then identity); unknown codings and
    /// malformed entries are ignored. No header, or nothing acceptable, is identity (empty string).
    /// </summary>
    internal static string ChooseEncoding(StringValues acceptEncoding)
    {
        if (StringValues.IsNullOrEmpty(acceptEncoding) || !StringWithQualityHeaderValue.TryParseList(acceptEncoding, out var codings))
        {
            return string.Empty;
        }
        double? brotli = null, gzip = null, identity = null, any = null;
        foreach (var coding in codings)
        {
            var quality = coding.Quality ?? 1;
            var name = coding.Value;
            if (name.Equals(Brotli, StringComparison.OrdinalIgnoreCase))
            {
                brotli ??= quality;
            }
            // RFC 9110 §8.4.1.3: x-gzip is gzip.
            else if (name.Equals(Gzip, StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
            {
                gzip ??= quality;
            }
            else if (name.Equals("identity", StringComparison.OrdinalIgnoreCase))
            {
                identity ??= quality;
            }
            else if (name.Equals("*", StringComparison.Ordinal))
            {
                any ??= quality;
            }
        }
        var best = (Name: string.Empty, Quality: identity ?? any ?? 0);
        foreach (var (name, quality) in new[] { (Gzip, gzip ?? any ?? 0), (Brotli, brotli ?? any ?? 0) })
        {
            if (quality > 0 && quality >= best.Quality)
            {
                best = (name, quality);
            }
        }
        return best.Name;
    }

    /// <summary>
    /// Routing matches the literal parts of an address in any letter case (<c>/TOEGANKELIJKHEID</c>,
    /// <c>/…/Cijfers.Json</c>) and skips empty segments (<c>//toegankelijkheid</c>, <c>/privacy/</c>). A GET for such a
    /// variant gets a permanent redirect to the route's own spelling instead of a second copy of the page: cheap (nothing
    /// is rendered) and never kept by a shared cache, so variants neither cost renders nor fill a cache. The parts a
    /// route takes from the address (a publication, a file) keep their case: the endpoint finds them case-sensitively,
    /// so another case is a 404. The target is the request's own path with only those changes, never another site.
    /// </summary>
    public static void UseCanonicalLetterCase(this WebApplication app) => app.Use((context, next) =>
    {
        if (!HttpMethods.IsGet(context.Request.Method)
            || context.GetEndpoint() is not RouteEndpoint endpoint
            || CanonicalPath(endpoint.RoutePattern, context.Request) is not { } canonical)
        {
            return next(context);
        }
        var location = (context.Request.PathBase + new PathString(canonical)).ToUriComponent();
        // A path that starts with "//" or "/\" is another host to a browser.
        if (location.Length < 2 || location[0] != '/' || location[1] is '/' or '\\')
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
        context.Response.Headers.Location = location;
        // The reader's browser may keep it; a shared cache must not keep one entry per variant.
        context.Response.Headers.CacheControl = "private, max-age=3600";
        return Task.CompletedTask;
    });

    /// <summary>The request's path without empty segments and with the route's literal text in the route's case, or null when it already is.</summary>
    internal static string? CanonicalPath(RoutePattern pattern, HttpRequest request)
    {
        var path = request.Path.Value ?? string.Empty;
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < pattern.PathSegments.Count && i < segments.Length; i++)
        {
            var parts = pattern.PathSegments[i].Parts;
            if (parts.Any(part => part is RoutePatternParameterPart { IsCatchAll: true }))
            {
                break;
            }
            var canonical = string.Concat(parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => request.RouteValues[parameter.Name] as string ?? string.Empty,
                _ => string.Empty,
            }));
            if (string.Equals(canonical, segments[i], StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = canonical;
            }
        }
        var result = "/" + string.Join('/', segments);
        return string.Equals(result, path, StringComparison.Ordinal) ? null : result;
    }
}
