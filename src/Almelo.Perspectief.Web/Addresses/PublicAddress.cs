using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>Absolute addresses of the site's pages and files: from <c>Site:BaseUrl</c>, or else from the request.</summary>
public sealed class PublicAddress(IOptions<SiteOptions> options, IHttpContextAccessor accessor)
{
    public Uri Base
    {
        get
        {
            if (!string.IsNullOrEmpty(options.Value.BaseUrl))
            {
                return new Uri(options.Value.BaseUrl);
            }
            var request = accessor.HttpContext?.Request ?? throw new InvalidOperationException("No request to take the address from; set Site:BaseUrl.");
            return new Uri($"{request.Scheme}://{request.Host}/");
        }
    }

    public Uri Of(string path) => new(Base, path);

    public static string PagePath(Publication publication) => "/" + publication.Slug;

    /// <summary>A link to an anchor on the publication's page, with its path: a bare "#id" would resolve against &lt;base href="/"&gt;.</summary>
    public static string AnchorPath(Publication publication, string anchor) => $"{PagePath(publication)}#{anchor}";

    public static string FiguresCsvPath(Publication publication) => $"/{publication.Slug}/cijfers.csv";

    public static string FiguresJsonPath(Publication publication) => $"/{publication.Slug}/cijfers.json";

    public static string CalendarPath(Publication publication) => $"/{publication.Slug}/vergaderingen.ics";

    public static string MeetingCalendarPath(Publication publication, Meeting meeting) => $"/{publication.Slug}/vergaderingen/{meeting.Id}.ics";

    public static string FilePath(Publication publication, Attachment file) => $"/{publication.Slug}/{file.Path}";

    /// <summary>The route of a source's readable page: a shipped text copy rendered as HTML.</summary>
    public const string SourcePageRoute = "/{Slug}/bron/{SourceId}";

    public static string SourcePagePath(Publication publication, Source source) => $"/{publication.Slug}/bron/{source.Id}";

    /// <summary>Where a reader can read a source: its own address, or else the page this site makes of its text copy.</summary>
    public static string? ReadingPath(Publication publication, Source source) =>
        source.Url?.ToString() ?? (source.File is not null ? SourcePagePath(publication, source) : null);

    public Uri Page(Publication publication, string? anchor = null) => Of(PagePath(publication) + (anchor is null ? string.Empty : "#" + anchor));
}
