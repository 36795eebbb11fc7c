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
        publication.MapGet(InFolder(RouteTable.ChartSvg), (string slug, string id, IContentSource store, HttpResponse response) => ChartSvg(SiteLanguage.Dutch, slug, id, store, response));
        publication.MapGet(InFolder(RouteTable.ChartPng), (string slug, string id, IContentSource store, HttpResponse response) => ChartPng(SiteLanguage.Dutch, slug, id, store, response));
        publication.MapGet(InFolder(RouteTable.ShareImage), (string slug, IContentSource store, HttpResponse response) => ShareImage(SiteLanguage.Dutch, slug, store, response));
        publication.MapGet(InFolder(RouteTable.File), File)
            // After the pages: the readable page of a source (/{slug}/bron/{id}) has an unconstrained slug, which alone would rank below this one.
            .WithOrder(1);

        // An English edition's pictures: a 404 for a publication without one.
        var english = data.MapGroup(RouteTable.EnglishFolder);
        english.MapGet(RouteTable.EnglishChartSvg.Below(RouteTable.EnglishFolder), (string slug, string id, IContentSource store, HttpResponse response) => ChartSvg(SiteLanguage.English, slug, id, store, response));
        english.MapGet(RouteTable.EnglishChartPng.Below(RouteTable.EnglishFolder), (string slug, string id, IContentSource store, HttpResponse response) => ChartPng(SiteLanguage.English, slug, id, store, response));
        english.MapGet(RouteTable.EnglishShareImage.Below(RouteTable.EnglishFolder), (string slug, IContentSource store, HttpResponse response) => ShareImage(SiteLanguage.English, slug, store, response));

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
            ? TypedResults.File(DownloadBytes.FiguresJson(store.Current, p, address), "application/json; charset=utf-8", $"{p.Slug}-cijfers.json")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> Calendar(string slug, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p
            ? CalendarFile(p, p.Meetings, address, $"{p.Slug}-vergaderingen.ics")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> MeetingCalendar(string slug, string id, IContentSource store, PublicAddress address) =>
        Find(store, slug) is { } p && p.Meetings.FirstOrDefault(m => m.Id == id) is { } meeting
            ? CalendarFile(p, [meeting], address, $"{p.Slug}-{meeting.Id}.ics")
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> ChartSvg(SiteLanguage language, string slug, string id, IContentSource store, HttpResponse response) =>
        store.Current.Find(slug, language) is { } p && p.Charts.FirstOrDefault(c => c.Id == id) is { } chart
            ? Inline(response, DownloadBytes.ChartSvg(p, chart), "image/svg+xml", DownloadBytes.ChartFileName(p, chart, "svg"))
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> ChartPng(SiteLanguage language, string slug, string id, IContentSource store, HttpResponse response) =>
        store.Current.Find(slug, language) is { } p && p.Charts.FirstOrDefault(c => c.Id == id) is { } chart
            ? Inline(response, DownloadBytes.ChartPng(p, chart), "image/png", DownloadBytes.ChartFileName(p, chart, "png"))
            : TypedResults.NotFound();

    private static Results<FileContentHttpResult, NotFound> ShareImage(SiteLanguage language, string slug, IContentSource store, HttpResponse response) =>
        store.Current.Find(slug, language) is { } p
            ? Inline(response, DownloadBytes.ShareImage(p), "image/png", $"{p.Slug}-deelafbeelding{p.Language.FileSuffix}.png")
            : TypedResults.NotFound();

    /// <summary>A picture opens in the browser (a share card's image must), and keeps its name when saved.</summary>
    private static FileContentHttpResult Inline(HttpResponse response, byte[] bytes, string contentType, string fileName)
    {
        response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileName = fileName }.ToString();
        return TypedResults.File(bytes, contentType);
    }

    /// <summary>Only files that the content declares are served; any other path is a 404, whatever it contains.</summary>
    private static Results<FileContentHttpResult, NotFound> File(string slug, string path, IContentSource store) =>
        Find(store, slug)?.FindFile(path) is { } file
            ? TypedResults.File(file.Bytes.ToArray(), file.ContentType, file.FileName)
            : TypedResults.NotFound();

    private static ContentHttpResult Sitemap(IContentSource store, PublicAddress address, TimeProvider clock) =>
        TypedResults.Text(Downloads.Sitemap.Write(address.Base, store.Current, clock.Today(), Components.Pages.SitePages.All), "application/xml; charset=utf-8");

    /// <summary>A preview of a proposed change (export --voorbeeld) is for its reviewers only: no search engine may read it.</summary>
    private static ContentHttpResult Robots(PublicAddress address, StaticExport.ExportMode export) =>
        TypedResults.Text(
            export.Preview is null ? $"User-agent: *\nAllow: /\n\nSitemap: {address.Of(RouteTable.Sitemap.Path())}\n" : "User-agent: *\nDisallow: /\n",
            "text/plain; charset=utf-8");

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
