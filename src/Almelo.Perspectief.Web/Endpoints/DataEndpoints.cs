using System.Text;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Downloads;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary>The downloads and machine-readable addresses: figures as CSV and JSON, calendars, files, sitemap, robots, security.txt.</summary>
internal static class DataEndpoints
{
    /// <summary>Maps them all in one group, so that the caller gives every one of them the same conventions.</summary>
    public static RouteGroupBuilder MapData(this WebApplication app)
    {
        var data = app.MapGroup(string.Empty);
        var publication = data.MapGroup(RouteTable.PublicationFolder);
        publication.MapGet(InFolder(RouteTable.FiguresCsv), FiguresCsv);
        publication.MapGet(InFolder(RouteTable.FiguresJson), FiguresJson);
        publication.MapGet(InFolder(RouteTable.Calendar), Calendar);
        publication.MapGet(InFolder(RouteTable.MeetingCalendar), MeetingCalendar);
        publication.MapGet(InFolder(RouteTable.File), File)
            // After the pages: the readable page of a source (/{slug}/bron/{id}) has an unconstrained slug, which alone would rank below this one.
            .WithOrder(1);

        data.MapGet(RouteTable.Sitemap.Template, Sitemap);
        data.MapGet(RouteTable.Robots.Template, Robots);
        data.MapGet(RouteTable.SecurityTxt.Template, SecurityTxt);
        return data;
    }

    private static string InFolder(AddressRoute route) => route.Below(RouteTable.PublicationFolder);

    private static Results<FileContentHttpResult, NotFound> FiguresCsv(string slug, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p
            ? TypedResults.File(DownloadBytes.FiguresCsv(p, address), "text/csv; charset=utf-8", $"{p.Slug}-cijfers.csv")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> FiguresJson(string slug, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p
            ? TypedResults.File(DownloadBytes.FiguresJson(p, address), "application/json; charset=utf-8", $"{p.Slug}-cijfers.json")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> Calendar(string slug, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p
            ? CalendarFile(p, p.Meetings, address, $"{p.Slug}-vergaderingen.ics")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> MeetingCalendar(string slug, string id, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p && p.Meetings.FirstOrDefault(m => m.Id == id) is { } meeting
            ? CalendarFile(p, [meeting], address, $"{p.Slug}-{meeting.Id}.ics")
            : TypedResults.NotFound();

    /// <summary>Only files that the content declares are served; any other path is a 404, whatever it contains.</summary>
    private static Results<FileContentHttpResult, NotFound> File(string slug, string path, IContentSource store) =>
        Find(store, slug)?.FindFile(path) is { } file
            ? TypedResults.File(file.Bytes.ToArray(), file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static ContentHttpResult Sitemap(IContentSource store, PublicAddress address, TimeProvider clock) =>
        TypedResults.Text(Downloads.Sitemap.Write(address.Base, store.Current, clock.Today(), Components.Pages.SitePages.All), "application/xml; charset=utf-8");

    private static ContentHttpResult Robots(PublicAddress address) =>
        TypedResults.Text($"User-agent: *\nAllow: /\n\nSitemap: {address.Of(RouteTable.Sitemap.Path())}\n", "text/plain; charset=utf-8");

    private static ContentHttpResult SecurityTxt(IOptions<SiteOptions> site, PublicAddress address) =>
        TypedResults.Text(
            new StringBuilder()
                .Append("Contact: ").Append(site.Value.SecurityContact).Append('\n')
                .Append("Expires: ").Append(site.Value.SecurityExpires.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
                .Append("Preferred-Languages: nl, en\n")
                .Append("Canonical: ").Append(address.Of(RouteTable.SecurityTxt.Path())).Append('\n')
                .ToString(),
            "text/plain; charset=utf-8");

    private static Publication? Find(IContentSource store, string slug) => store.Current.Find(slug);

    private static FileContentHttpResult CalendarFile(Publication publication, IEnumerable<Meeting> meetings, PublicAddress address, string fileName) =>
        TypedResults.File(
            DownloadBytes.Calendar(publication, meetings, address),
            "text/calendar; charset=utf-8",
            fileName);
}
