using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Formatting;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>The council meetings of a publication as iCalendar (RFC 5545), in the Europe/Amsterdam time zone.</summary>
internal static class MeetingsCalendar
{
    private const string TimeZone = "Europe/Amsterdam";

    /// <summary>
    /// A meeting with a start time is a timed event, ending at its end time when the content gives one; without
    /// a start time it is an all-day event. No time or place is ever assumed.
    /// </summary>
    public static string Write(Publication publication, IEnumerable<Meeting> meetings, Func<Meeting, Uri> link, string host)
    {
        var calendar = new Calendar { ProductId = "-//Gemeente Almelo//Almelo.Perspectief//NL" };
        calendar.AddProperty("X-WR-CALNAME", $"Gemeenteraad Almelo: {publication.Title}");
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, publication.Date.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        foreach (var meeting in meetings)
        {
            var kind = TextFormat.Dutch.MeetingKind(meeting.Kind);
            var url = link(meeting);
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{meeting.Id}.{publication.Slug}@{host}",
                Summary = $"Gemeenteraad Almelo: {kind.Split(':')[0].ToLowerInvariant()} over de {publication.Title}",
                Description = Description(meeting, kind, url),
                Location = meeting.Place?.ToString(),
                Url = url,
                DtStamp = new CalDateTime(publication.LastUpdated.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            };
            if (meeting.StartTime is { } start)
            {
                calendarEvent.DtStart = new CalDateTime(meeting.Date.ToDateTime(start), TimeZone);
                if (meeting.EndTime is { } end)
                {
                    calendarEvent.DtEnd = new CalDateTime(meeting.Date.ToDateTime(end), TimeZone);
                }
            }
            else
            {
                calendarEvent.DtStart = new CalDateTime(meeting.Date);
                calendarEvent.DtEnd = new CalDateTime(meeting.Date.AddDays(1));
            }
            calendar.Events.Add(calendarEvent);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }

    private static string Description(Meeting meeting, string kind, Uri page)
    {
        var lines = new List<string> { $"{kind}.", $"{meeting.Subject}." };
        if (meeting.Agenda is { } agenda)
        {
            lines.Add($"Agenda en stukken: {agenda}");
        }
        if (meeting.Broadcast is { } broadcast)
        {
            lines.Add($"Live kijken: {broadcast}");
        }
        if (meeting.Speaking is { } speaking)
        {
            lines.Add($"Inspreken: {speaking.Text}{(speaking.Link is { } s ? $" {s}" : string.Empty)}");
        }
        lines.Add($"Meer informatie: {page}");
        return string.Join('\n', lines);
    }
}
