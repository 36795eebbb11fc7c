using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Components.Publication;

/// <summary>
/// Where each glossary term is explained: in the section whose text first links to it (the text links a term's
/// first use to #begrip-id), so that a reader finds the explanation where the word is used. Terms the text never
/// uses are explained in the last section.
/// </summary>
internal static class GlossaryPlacement
{
    public static IReadOnlyDictionary<string, IReadOnlyList<Term>> BySection(Almelo.Perspectief.Content.Model.Publication publication)
    {
        var placed = publication.Sections.ToDictionary(s => s.Id, _ => new List<Term>(), StringComparer.Ordinal);
        if (publication.Sections.Count == 0)
        {
            return placed.ToDictionary(p => p.Key, p => (IReadOnlyList<Term>)p.Value, StringComparer.Ordinal);
        }
        foreach (var term in publication.Glossary)
        {
            var link = $"#{Anchors.Term(term.Id)}\"";
            var section = publication.Sections.FirstOrDefault(s => s.Html.Contains(link, StringComparison.Ordinal)) ?? publication.Sections[^1];
            placed[section.Id].Add(term);
        }
        return placed.ToDictionary(p => p.Key, p => (IReadOnlyList<Term>)p.Value, StringComparer.Ordinal);
    }
}
