using System.Text;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Pictures;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>The bytes of each download, built in one place for the endpoints and for the sizes the page shows.</summary>
internal static class DownloadBytes
{
    public static byte[] FiguresCsv(Publication publication, PublicAddress address) =>
        Downloads.FiguresCsv.Write(publication, address.Page(publication), source => ReadingAddress(publication, source, address));

    /// <summary>The figures as JSON, with the labels of every edition the content has of the (Dutch) publication.</summary>
    public static byte[] FiguresJson(ContentSnapshot content, Publication publication, PublicAddress address) =>
        Downloads.FiguresJson.Write(
            [.. content.Editions(publication.Slug).Select(language => content.Find(publication.Slug, language)!)],
            address.Page(publication),
            f => address.Of(RouteTable.File.Path(publication, f)),
            address.Of(Downloads.FiguresJson.SchemaPath));

    public static byte[] Calendar(Publication publication, IEnumerable<Meeting> meetings, PublicAddress address) =>
        Encoding.UTF8.GetBytes(MeetingsCalendar.Write(publication, meetings, m => address.Page(publication, Anchors.Meeting(m.Id)), address.Base.Host));

    public static byte[] ChartSvg(Publication publication, Chart chart) => PictureWriter.ToSvg(ChartPicture.Draw(publication, new ChartModel(chart, publication.Language)));

    public static byte[] ChartPng(Publication publication, Chart chart) => PictureWriter.ToPng(ChartPicture.Draw(publication, new ChartModel(chart, publication.Language)));

    public static byte[] ShareImage(Publication publication) => PictureWriter.ToPng(SharePicture.Draw(publication));

    /// <summary>A picture's file name: the publication's and the chart's id, which its address also names, and ".en" for the English picture.</summary>
    public static string ChartFileName(Publication publication, Chart chart, string extension) => $"{publication.Slug}-{chart.Id}{publication.Language.FileSuffix}.{extension}";

    /// <summary>Where a source can be read: its own address, or the page this site makes of its text copy.</summary>
    public static Uri? ReadingAddress(Publication publication, Source source, PublicAddress address) =>
        PublicAddress.ReadingPath(publication, source) is { } path ? new Uri(address.Base, path) : null;
}
