using System.Text.Json;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Resources;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>
/// The publication as schema.org JSON-LD for search engines: an Article (the page) and a Dataset (its figures, with the
/// CSV and JSON downloads, and a licence only when content declares one), in the edition's language. Serialised with the default encoder, which escapes &lt; and &gt;, so that content can never
/// close the script element it is placed in.
/// </summary>
internal static class LinkedData
{
    /// <summary>The gemeente's own site, which every page links to: the publisher's address.</summary>
    private const string Gemeente = "https://www.almelo.nl/";

    public static string Write(Publication publication, DateOnly today, Func<string, Uri> absolute)
    {
        ArgumentNullException.ThrowIfNull(publication);
        ArgumentNullException.ThrowIfNull(absolute);
        var page = absolute(RouteTable.Publication.Path(publication)).ToString();
        var language = publication.Language;
        var publisher = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = publication.Publisher, ["url"] = Gemeente };
        var dataset = new Dictionary<string, object?>
        {
            ["@type"] = "Dataset",
            ["@id"] = page + "#cijfers",
            ["name"] = PublicationText.In(language, "DatasetName", publication.Title),
            ["description"] = PublicationText.In(language, "DatasetDescription", publication.Title),
            ["url"] = page,
            ["inLanguage"] = language.Culture.Name,
            ["dateModified"] = TextFormat.IsoDate(publication.LastUpdated),
            ["creator"] = publisher,
            ["isAccessibleForFree"] = true,
            ["distribution"] = new object[]
            {
                Download("text/csv", absolute(RouteTable.FiguresCsv.Path(publication))),
                Download("application/json", absolute(RouteTable.FiguresJson.Path(publication))),
            },
        };
        // Reuse terms are the gemeente's choice: named only when content declares them, never assumed.
        if (publication.License is { } license)
        {
            dataset["license"] = license.Url.ToString();
        }
        return JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@graph"] = new object[]
            {
                new Dictionary<string, object?>
                {
                    ["@type"] = "Article",
                    ["@id"] = page + "#publicatie",
                    ["headline"] = publication.Title,
                    ["description"] = publication.Summary,
                    ["url"] = page,
                    ["inLanguage"] = language.Culture.Name,
                    ["datePublished"] = TextFormat.IsoDate(publication.Date),
                    ["dateModified"] = TextFormat.IsoDate(publication.ModifiedOn(today)),
                    ["image"] = absolute(RouteTable.ShareImageIn(language).Path(publication)).ToString(),
                    ["publisher"] = publisher,
                    ["isBasedOn"] = publication.Sources.Select(s => s.Url?.ToString() ?? s.Title).ToArray(),
                },
                dataset,
            },
        });
    }

    private static Dictionary<string, object?> Download(string type, Uri url) =>
        new() { ["@type"] = "DataDownload", ["encodingFormat"] = type, ["contentUrl"] = url.ToString() };
}
