using System.Text;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Downloads;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary>The downloads and machine-readable addresses: figures as CSV and JSON, calendars, files, sitemap, robots, security.txt.</summary>
internal static class DataEndpoints
{
    private const string Slug = "{slug:regex(" + Anchors.IdPattern + ")}";

    public static RouteGroupBuilder MapData(this WebApplication app)
    {
        var group = app.MapGroup(string.Empty);
        group.MapGet($"/{Slug}/cijfers.csv", (string slug, IContentSource store, PublicAddress address) =>
            Find(store, slug) is { } p
                ? Results.File(DownloadBytes.FiguresCsv(p, address), "text/csv; charset=utf-8", $"{p.Slug}-cijfers.csv")
                : Results.NotFound());

        group.MapGet($"/{Slug}/cijfers.json", (string slug, IContentSource store, PublicAddress address) =>
            Find(store, slug) is { } p
                ? Results.File(DownloadBytes.FiguresJson(p, address), "application/json; charset=utf-8", $"{p.Slug}-cijfers.json")
                : Results.NotFound());

        group.MapGet($"/{Slug}/vergaderingen.ics", (string slug, IContentSource store, PublicAddress address) =>
            Find(store, slug) is { } p
                ? Calendar(p, p.Meetings, address, $"{p.Slug}-vergaderingen.ics")
                : Results.NotFound());

        group.MapGet($"/{Slug}/vergaderingen/{{id}}.ics", (string slug, string id, IContentSource store, PublicAddress address) =>
            Find(store, slug) is { } p && p.Meetings.FirstOrDefault(m => m.Id == id) is { } meeting
                ? Calendar(p, [meeting], address, $"{p.Slug}-{meeting.Id}.ics")
                : Results.NotFound());

        // Only files that the content declares are served; any other path is a 404, whatever it contains.
        group.MapGet($"/{Slug}/{{**path:minlength(1)}}", (string slug, string path, IContentSource store) =>
            Find(store, slug)?.FindFile(path) is { } file
                ? Results.File(file.Bytes.ToArray(), file.ContentType, file.FileName)
                : Results.NotFound())
            // After the pages: the readable page of a source (/{slug}/bron/{id}) has an unconstrained slug, which alone would rank below this one.
            .WithOrder(1);

        group.MapGet("/sitemap.xml", (IContentSource store, PublicAddress address) =>
            Results.Text(Sitemap.Write(address.Base, store.Current, Components.Pages.SitePages.All), "application/xml; charset=utf-8"));

        group.MapGet("/robots.txt", (PublicAddress address) =>
            Results.Text($"User-agent: *\nAllow: /\n\nSitemap: {address.Of("/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        group.MapGet("/.well-known/security.txt", (IOptions<SiteOptions> site, PublicAddress address) =>
            Results.Text(
                new StringBuilder()
                    .Append("Contact: ").Append(site.Value.SecurityContact).Append('\n')
                    .Append("Expires: ").Append(site.Value.SecurityExpires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                    .Append("Preferred-Languages: nl, en\n")
                    .Append("Canonical: ").Append(address.Of("/.well-known/security.txt")).Append('\n')
                    .ToString(),
                "text/plain; charset=utf-8"));
        return group;
    }

    private static Publication? Find(IContentSource store, string slug) => store.Current.Find(slug);

    private static IResult Calendar(Publication publication, IEnumerable<Meeting> meetings, PublicAddress address, string fileName) =>
        Results.File(
            DownloadBytes.Calendar(publication, meetings, address),
            "text/calendar; charset=utf-8",
            fileName);
}
