using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// A publication's folder name is its address: a folder named like the first part of one of the site's own routes
/// (/privacy, /health, /css/…) could never be reached, so the content library reserves those names. Checked against
/// the routes the running app really has, not a copy of them.
/// </summary>
public sealed class RouteReservationTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    [Fact]
    public void ReservedFolders_IncludeTheFirstPartOfEveryRoute()
    {
        _ = site.Factory.Server;
        var firstParts = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.PathSegments is [var first, ..] ? first.Parts : null)
            .Where(parts => parts is [RoutePatternLiteralPart])
            .Select(parts => ((RoutePatternLiteralPart)parts![0]).Content)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("privacy", firstParts);
        Assert.Contains("health", firstParts);

        // A name that is no id ("sitemap.xml", "_framework") can never be a folder name: the loader rejects it anyway.
        Assert.All(firstParts.Where(Anchors.IsId), part => Assert.Contains(part, ContentLoader.ReservedFolders));
    }
}
