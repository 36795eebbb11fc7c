using System.Globalization;
using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>Reads <c>vergaderingen.json</c>: the meetings with whatever the editors know of time, place, links and outcome.</summary>
internal static class MeetingReader
{
    public static List<Meeting> Read(VergaderingenFile file, JsonDocumentSource source, IReadOnlyDictionary<string, Source>? sources, List<ContentError> errors)
    {
        var meetings = new List<Meeting>();
        for (var i = 0; i < file.Vergaderingen.Count; i++)
        {
            var v = file.Vergaderingen[i];
            var at = $"/vergaderingen/{i}";
            var before = errors.Count;
            var date = source.ReadDate(v.Datum, at + "/datum", errors);
            var start = ReadTime(v.Begintijd, source, at + "/begintijd", errors);
            var end = ReadTime(v.Eindtijd, source, at + "/eindtijd", errors);
            if (date is { } day)
            {
                CheckClockChange(day, start, v.Begintijd, source, at + "/begintijd", errors);
                CheckClockChange(day, end, v.Eindtijd, source, at + "/eindtijd", errors);
            }
            if (v.Eindtijd is not null && v.Begintijd is null)
            {
                errors.Add(source.ErrorAt(at + "/eindtijd", "Een eindtijd kan alleen met een begintijd. Zet ook \"begintijd\", of haal \"eindtijd\" weg."));
            }
            else if (start is not null && end is not null && end <= start)
            {
                errors.Add(source.ErrorAt(at + "/eindtijd", $"De eindtijd {v.Eindtijd} ligt niet na de begintijd {v.Begintijd}. Een vergadering die na middernacht doorgaat: zet dan geen eindtijd."));
            }
            var agenda = ReadUrl(v.Agenda, source, at + "/agenda", errors);
            var broadcast = ReadUrl(v.Uitzending, source, at + "/uitzending", errors);
            var speaking = v.Inspreken is { } inspreken
                ? new SpeakingInfo(inspreken.Tekst, ReadUrl(inspreken.Link, source, at + "/inspreken/link", errors))
                : null;
            MeetingOutcome? outcome = null;
            if (v.Uitkomst is { } uitkomst)
            {
                var decision = ReadUrl(uitkomst.Besluit, source, at + "/uitkomst/besluit", errors);
                if (sources is not null && !sources.ContainsKey(uitkomst.Bron))
                {
                    errors.Add(source.ErrorAt(at + "/uitkomst/bron", $"De bron '{uitkomst.Bron}' van de uitkomst bestaat niet. Zet de bron eerst bij \"bronnen\" in publicatie.json en gebruik de id daarvan."));
                }
                else if (sources is not null)
                {
                    outcome = new MeetingOutcome(uitkomst.Tekst, decision, sources[uitkomst.Bron]);
                }
            }
            if (date is null || errors.Count > before)
            {
                continue;
            }
            meetings.Add(new Meeting(v.Id, date.Value, v.Soort, v.Onderwerp, source.LocationOf(at))
            {
                StartTime = start,
                EndTime = end,
                Place = v.Plaats is { } plaats ? new MeetingPlace(plaats.Naam, plaats.Adres) : null,
                Agenda = agenda,
                Broadcast = broadcast,
                Speaking = speaking,
                Outcome = outcome,
            });
        }
        ContentLoader.ReportDuplicates(file.Vergaderingen.Select(v => v.Id), i => source.ErrorAt($"/vergaderingen/{i}/id", "Deze vergadering-id komt twee keer voor."), errors);
        return meetings.OrderBy(m => m.Date).ThenBy(m => m.StartTime).ToList();
    }

    private static TimeOnly? ReadTime(string? text, JsonDocumentSource source, string pointer, List<ContentError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        errors.Add(source.ErrorAt(pointer, $"'{text}' is geen bestaande tijd. Schrijf uur:minuten, bijvoorbeeld 19:30."));
        return null;
    }

    /// <summary>
    /// On the nights the clocks change, an hour of times does not exist in Almelo or happens twice: a calendar cannot
    /// know which moment is meant, so the meeting needs a time outside that hour.
    /// </summary>
    private static void CheckClockChange(DateOnly date, TimeOnly? time, string? text, JsonDocumentSource source, string pointer, List<ContentError> errors)
    {
        if (time is not { } clock)
        {
            return;
        }
        var local = date.ToDateTime(clock);
        if (AlmeloTime.TimeZone.IsInvalidTime(local))
        {
            errors.Add(source.ErrorAt(pointer, $"De tijd {text} bestaat niet op {TextFormat.Dutch.Date(date)}: die nacht gaat de klok een uur vooruit (zomertijd). Kies een tijd vóór 2.00 uur of vanaf 3.00 uur."));
        }
        else if (AlmeloTime.TimeZone.IsAmbiguousTime(local))
        {
            errors.Add(source.ErrorAt(pointer, $"De tijd {text} komt op {TextFormat.Dutch.Date(date)} twee keer voor: die nacht gaat de klok een uur terug (wintertijd). Kies een tijd vóór 2.00 uur of vanaf 3.00 uur."));
        }
    }

    internal static Uri? ReadUrl(string? text, JsonDocumentSource source, string pointer, List<ContentError> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(url.Host))
        {
            return url;
        }
        errors.Add(source.ErrorAt(pointer, $"'{text}' is geen geldig webadres. Kopieer het adres uit de adresbalk; het begint met https://."));
        return null;
    }
}

internal sealed record VergaderingenFile(
    [property: JsonPropertyName("vergaderingen")] IReadOnlyList<VergaderingFile> Vergaderingen);

internal sealed record VergaderingFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("datum")] string Datum,
    [property: JsonPropertyName("begintijd")] string? Begintijd,
    [property: JsonPropertyName("eindtijd")] string? Eindtijd,
    [property: JsonPropertyName("soort")] MeetingKind Soort,
    [property: JsonPropertyName("onderwerp")] string Onderwerp,
    [property: JsonPropertyName("plaats")] PlaatsFile? Plaats,
    [property: JsonPropertyName("agenda")] string? Agenda,
    [property: JsonPropertyName("uitzending")] string? Uitzending,
    [property: JsonPropertyName("inspreken")] InsprekenFile? Inspreken,
    [property: JsonPropertyName("uitkomst")] UitkomstFile? Uitkomst);

internal sealed record PlaatsFile(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("adres")] string? Adres);

internal sealed record InsprekenFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("link")] string? Link);

internal sealed record UitkomstFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("besluit")] string? Besluit,
    [property: JsonPropertyName("bron")] string Bron);
