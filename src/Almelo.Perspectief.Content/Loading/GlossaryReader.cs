using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>The glossary (begrippen.json): the terms the text links to and explains.</summary>
internal static class GlossaryReader
{
    public static List<Term> Read(BegrippenFile? file, JsonDocumentSource? source, ICollection<ContentError> errors)
    {
        var terms = new List<Term>();
        if (file is null || source is null)
        {
            return terms;
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < file.Begrippen.Count; i++)
        {
            var begrip = file.Begrippen[i];
            if (!ids.Add(begrip.Id))
            {
                errors.Add(source.ErrorAt($"/begrippen/{i}/id", $"Het begrip-id '{begrip.Id}' komt twee keer voor."));
                continue;
            }
            foreach (var form in (begrip.Vormen ?? []).Prepend(begrip.Term))
            {
                if (!forms.TryAdd(form, begrip.Id))
                {
                    errors.Add(source.ErrorAt($"/begrippen/{i}", $"Het woord '{form}' hoort al bij het begrip '{forms[form]}'. Een woord kan maar naar één uitleg linken."));
                }
            }
            terms.Add(new Term(begrip.Id, begrip.Term, begrip.Vormen ?? [], begrip.Uitleg));
        }
        return terms;
    }
}
