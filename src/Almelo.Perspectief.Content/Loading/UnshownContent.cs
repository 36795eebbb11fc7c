using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Content that is valid but that the page would not show as the editor expects: a glossary term the text never
/// uses, a chart, the laws, the meetings or the timeline that no section shows, and the status sentences and links of a
/// publication without meetings (the block that shows them needs meetings). The site still works, so these are
/// warnings, each at the place in the file to change.
/// </summary>
public static class UnshownContent
{
    public static IReadOnlyList<ContentWarning> In(ContentSnapshot snapshot)
    {
        var warnings = new List<ContentWarning>();
        foreach (var publication in snapshot.Publications)
        {
            var files = new Files(snapshot, publication.Slug);
            var linked = LinkedTerms(publication);
            foreach (var (term, index) in publication.Glossary.Select((t, i) => (t, i)))
            {
                if (!linked.Contains(Anchors.Term(term.Id)))
                {
                    files.Warn(warnings, ContentLoader.GlossaryFile, $"/begrippen/{index}/term", $"Het begrip '{term.Name}' komt niet voor in tekst.md, dus geen woord op de pagina linkt naar de uitleg; die staat nu los onder het laatste onderdeel. Gebruik het woord in de tekst, zet de vorm die de tekst gebruikt bij \"vormen\", of haal het begrip weg.");
                }
            }
            foreach (var (chart, index) in publication.Charts.Select((c, i) => (c, i)))
            {
                if (!publication.Sections.Any(s => s.Charts.Contains(chart)))
                {
                    files.Warn(warnings, ContentLoader.FiguresFile, $"/grafieken/{index}", $"De grafiek '{chart.Id}' staat bij geen enkel onderdeel, dus de pagina toont hem nergens. Zet '{chart.Id}' bij \"grafieken\" van een onderdeel in publicatie.json, of haal de grafiek weg.");
                }
            }
            if (publication.Laws.Count > 0 && !publication.Sections.Any(s => s.ShowLaws))
            {
                files.Warn(warnings, ContentLoader.PublicationFile, "/wetten", "De wetten staan bij geen enkel onderdeel, dus de pagina toont ze nergens. Zet \"wetten\": true bij het onderdeel waar ze horen (in \"secties\"), of haal \"wetten\" weg.");
            }
            if (publication.Meetings.Count > 0 && !publication.Sections.Any(s => s.ShowMeetings))
            {
                files.Warn(warnings, ContentLoader.MeetingsFile, "/vergaderingen", "De vergaderingen staan bij geen enkel onderdeel: de pagina zegt wel hoe ver het besluit is, maar toont de vergaderingen zelf niet (tijd, plaats, agenda, inspreken). Zet \"vergaderingen\": true bij een onderdeel in publicatie.json.");
            }
            if (publication.Timeline.Count > 0 && !publication.Sections.Any(s => s.ShowTimeline))
            {
                files.Warn(warnings, ContentLoader.PublicationFile, "/tijdlijn", "Deze tijdlijn staat bij geen enkel onderdeel, dus niemand ziet hem. Zet \"tijdlijn\": true bij een onderdeel in \"secties\" (bijvoorbeeld bij de vergaderingen), of haal de tijdlijn weg.");
            }
            if (publication.Meetings.Count == 0)
            {
                if (publication.StatusWording is not null)
                {
                    files.Warn(warnings, ContentLoader.PublicationFile, "/status", "Deze publicatie heeft geen vergaderingen, dus de pagina toont \"status\" niet: die zinnen gaan over de vergaderingen. Zet de vergaderingen in vergaderingen.json, of haal \"status\" weg.");
                }
                if (publication.Links.Count > 0)
                {
                    files.Warn(warnings, ContentLoader.PublicationFile, "/links", "Deze publicatie heeft geen vergaderingen, dus de pagina toont \"links\" niet: ze staan in het blok over het besluit, en dat blok hoort bij de vergaderingen. Zet de vergaderingen in vergaderingen.json, of zet de links als bron bij \"bronnen\".");
                }
            }
        }
        return warnings;
    }

    /// <summary>
    /// The anchors (begrip-…) the text links to: the text links the first use of each term (see GlossaryLinker),
    /// so a term without a link is not used. One pass over each section, however long the glossary.
    /// </summary>
    private static HashSet<string> LinkedTerms(Publication publication)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        var marker = "#" + Anchors.Term(string.Empty);
        foreach (var html in publication.Sections.Select(s => s.Html))
        {
            for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                var end = html.IndexOf('"', at);
                if (end > at)
                {
                    linked.Add(html[(at + 1)..end]);
                }
            }
        }
        return linked;
    }

    /// <summary>The JSON files of one publication, parsed once each when a warning needs a place in them.</summary>
    private sealed class Files(ContentSnapshot snapshot, string slug)
    {
        private readonly Dictionary<string, JsonDocumentSource?> parsed = new(StringComparer.Ordinal);

        public void Warn(List<ContentWarning> warnings, string name, string pointer, string message)
        {
            var path = $"{slug}/{name}";
            if (!parsed.TryGetValue(path, out var file))
            {
                var bytes = snapshot.Files.FirstOrDefault(f => f.RelativePath == path)?.Bytes;
                file = bytes is { } content ? JsonDocumentSource.Parse(content.ToArray(), path, new List<ContentError>()) : null;
                parsed[path] = file;
            }
            var at = file?.ErrorAt(pointer, message) ?? new ContentError(path, 1, 1, message);
            warnings.Add(new ContentWarning(new ContentLocation(at.File, at.Line, at.Column), at.Message));
        }
    }
}
