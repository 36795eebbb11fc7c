using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>The glossary (begrippen.json) and the timeline of the decision (publicatie.json "tijdlijn").</summary>
internal static class GlossaryReader
{
    public static List<Term> ReadGlossary(BegrippenFile? file, JsonDocumentSource? source, ICollection<ContentError> errors)
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

    public static List<TimelineStep> ReadTimeline(
        IReadOnlyList<TijdlijnFile>? steps,
        IReadOnlyList<Meeting> meetings,
        IReadOnlySet<string>? declaredMeetings,
        Func<string, Figure?> figure,
        KnownIds known,
        JsonDocumentSource file,
        List<ContentError> errors)
    {
        var timeline = new List<TimelineStep>();
        DateOnly? previous = null;
        for (var i = 0; i < (steps?.Count ?? 0); i++)
        {
            var step = steps![i];
            var at = $"/tijdlijn/{i}";
            var kinds = (step.Datum is null ? 0 : 1) + (step.Periode is null ? 0 : 1) + (step.Vergaderingen is null ? 0 : 1);
            if (kinds != 1)
            {
                errors.Add(file.ErrorAt(at, "Geef elke stap van de tijdlijn precies één van: \"datum\", \"periode\" of \"vergaderingen\"."));
                continue;
            }
            var date = step.Datum is null ? null : ContentLoader.ParseDate(step.Datum, file, at + "/datum", errors);
            var stepMeetings = new List<Meeting>();
            foreach (var (id, j) in (step.Vergaderingen ?? []).Select((id, j) => (id, j)))
            {
                if (meetings.FirstOrDefault(m => m.Id == id) is { } meeting)
                {
                    stepMeetings.Add(meeting);
                }
                else if (KnownIds.IsMissing(declaredMeetings, id))
                {
                    errors.Add(file.ErrorAt($"{at}/vergaderingen/{j}", $"De vergadering '{id}' bestaat niet in vergaderingen.json."));
                }
            }
            foreach (var reference in FigureTemplate.References(step.Titel + " " + step.Uitleg).Distinct().Where(known.IsMissingFigure))
            {
                errors.Add(file.ErrorAt(at, $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet in cijfers.json."));
            }

            var result = new TimelineStep(FigureTemplate.Fill(step.Titel, figure), FigureTemplate.Fill(step.Uitleg, figure), date, step.Periode, stepMeetings);
            var first = stepMeetings.Count > 0 ? stepMeetings.Min(m => m.Date) : date;
            if (first is not null && previous is not null && first < previous)
            {
                errors.Add(file.ErrorAt(at, "Deze stap ligt vóór de stap erboven. Zet de stappen van de tijdlijn van oud naar nieuw."));
            }
            previous = result.LastDay ?? previous;
            timeline.Add(result);
        }
        return timeline;
    }
}
