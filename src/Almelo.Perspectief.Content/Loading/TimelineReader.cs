using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>The timeline of the decision (publicatie.json "tijdlijn"): its steps from old to new, with their meetings.</summary>
internal static class TimelineReader
{
    public static List<TimelineStep> Read(
        IReadOnlyList<TijdlijnFile>? steps,
        IReadOnlyList<Meeting> meetings,
        IReadOnlySet<string>? declaredMeetings,
        Func<string, Figure?> figure,
        KnownIds known,
        IReadOnlyDictionary<string, Source> sources,
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
            var date = step.Datum is null ? null : file.ReadDate(step.Datum, at + "/datum", errors);
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

            Source? source = null;
            if (step.Bron is not null && !sources.TryGetValue(step.Bron, out source))
            {
                errors.Add(file.ErrorAt(at + "/bron", $"De bron '{step.Bron}' van deze stap bestaat niet. Zet de bron eerst bij \"bronnen\" en gebruik de id daarvan."));
            }

            var result = new TimelineStep(FigureTemplate.Fill(step.Titel, figure, TextFormat.Dutch), FigureTemplate.Fill(step.Uitleg, figure, TextFormat.Dutch), date, step.Periode, stepMeetings) { Source = source };
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
