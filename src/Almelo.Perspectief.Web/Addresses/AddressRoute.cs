using System.Text;
using Almelo.Perspectief.Content.Model;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Almelo.Perspectief.Web.Addresses;

/// <summary>
/// One route of the site: the template its endpoint or page is mapped with, and the builder of its addresses, which
/// fills that same template's parameters in order. An address built here is always one the route answers.
/// </summary>
internal abstract class AddressRoute
{
    private readonly RoutePattern pattern;

    /// <summary>Refuses a template whose parameters are not the ones the route's builder fills: the table then fails at its first use.</summary>
    protected AddressRoute(string template, int parameters)
    {
        pattern = RoutePatternFactory.Parse(template);
        if (pattern.Parameters.Count != parameters)
        {
            throw new ArgumentException($"The route {template} has {pattern.Parameters.Count} parameter(s); its builder fills {parameters}.", nameof(template));
        }
        Template = template;
    }

    public string Template { get; }

    /// <summary>The rest of the template after a prefix: for an endpoint mapped in the group of that prefix.</summary>
    public string Below(string prefix) =>
        Template.StartsWith(prefix + "/", StringComparison.Ordinal)
            ? Template[prefix.Length..]
            : throw new ArgumentException($"The route {Template} does not start with {prefix}.", nameof(prefix));

    /// <summary>The template with its parameters replaced by these values, in order; constraints are left out.</summary>
    protected string Fill(params ReadOnlySpan<string> values)
    {
        var path = new StringBuilder();
        var next = 0;
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            foreach (var part in segment.Parts)
            {
                path.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    _ => values[next++],
                });
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }
}

/// <summary>A route without parameters: the site's own pages and files.</summary>
internal sealed class FixedRoute(string template) : AddressRoute(template, 0)
{
    public string Path() => Fill();
}

/// <summary>A route with the publication as its one parameter.</summary>
internal sealed class PublicationRoute(string template) : AddressRoute(template, 1)
{
    public string Path(Publication publication) => Fill(publication.Slug);

    public string Path(string slug) => Fill(slug);
}

/// <summary>A route with the publication and one of its meetings.</summary>
internal sealed class MeetingRoute(string template) : AddressRoute(template, 2)
{
    public string Path(Publication publication, Meeting meeting) => Fill(publication.Slug, meeting.Id);
}

/// <summary>A route with the publication and one of its sources.</summary>
internal sealed class SourceRoute(string template) : AddressRoute(template, 2)
{
    public string Path(Publication publication, Source source) => Fill(publication.Slug, source.Id);
}

/// <summary>A route with the publication and one of the files it declares, by its path in the publication's folder.</summary>
internal sealed class AttachmentRoute(string template) : AddressRoute(template, 2)
{
    public string Path(Publication publication, Attachment file) => Fill(publication.Slug, file.Path);
}

/// <summary>A route with the publication and one of its charts.</summary>
internal sealed class ChartRoute(string template) : AddressRoute(template, 2)
{
    public string Path(Publication publication, Chart chart) => Fill(publication.Slug, chart.Id);
}

/// <summary>
/// A page of the site's own (home, accessibility, privacy) in every language: the Dutch route at the root and the
/// English one under its prefix, each a route of its own; the path of the page in a language comes from here.
/// </summary>
internal sealed class PageRoute(string dutch, string english)
{
    private readonly FixedRoute dutchRoute = new(dutch);
    private readonly FixedRoute englishRoute = new(english);

    /// <summary>One route per language, Dutch first.</summary>
    public IReadOnlyList<AddressRoute> Routes => [dutchRoute, englishRoute];

    /// <summary>The Dutch page.</summary>
    public string Path() => dutchRoute.Path();

    public string Path(SiteLanguage language) => (language.IsDutch ? dutchRoute : englishRoute).Path();
}

/// <summary>A publication's page in every language: an edition's path follows the edition's language.</summary>
internal sealed class PublicationPageRoute(string dutch, string english)
{
    private readonly PublicationRoute dutchRoute = new(dutch);
    private readonly PublicationRoute englishRoute = new(english);

    /// <summary>One route per language, Dutch first.</summary>
    public IReadOnlyList<AddressRoute> Routes => [dutchRoute, englishRoute];

    public string Path(Publication publication) => Path(publication.Slug, publication.Language);

    public string Path(string slug, SiteLanguage language) => (language.IsDutch ? dutchRoute : englishRoute).Path(slug);
}
