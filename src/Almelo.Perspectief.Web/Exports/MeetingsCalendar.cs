using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Formatting;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Almelo.Perspectief.Web.Exports;

/// <summary>The council meetings of a publication as iCalendar (RFC 5545), in the Europe/Amsterdam time zone.</summary>
public static class MeetingsCalendar
{
    private const string TimeZone = "Europe/Amsterdam";

    /// <summary>Meetings without a start time are all-day events; with one, they last three hours (a council evening).</summary>
    private static readonly TimeSpan EveningLength = TimeSpan.FromHours(3);

    public static string Write(Publication publication, IEnumerable<Meeting> meetings, Func<Meeting, Uri> link, string host)
    {
        var calendar = new Calendar { ProductId = "-//Gemeente Almelo//Almelo.Perspectief//NL" };
        calendar.AddProperty("X-WR-CALNAME", $"Gemeenteraad Almelo: {publication.Title}");
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(TimeZone, publication.Date.ToDateTime(TimeOnly.MinValue), includeHistoricalData: false));
        foreach (var meeting in meetings)
        {
            var kind = DutchFormat.MeetingKind(meeting.Kind);
            var url = link(meeting);
            var calendarEvent = new CalendarEvent
            {
                Uid = $"{meeting.Id}.{publication.Slug}@{host}",
                Summary = $"Gemeenteraad Almelo: {kind.Split(':')[0].ToLowerInvariant()} over de {publication.Title}",
                Description = $"{kind}.\n{meeting.Subject}.\nMeer informatie: {url}",
                Location = meeting.Place,
                Url = url,
                DtStamp = new CalDateTime(publication.LastUpdated.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            };
            if (meeting.StartTime is { } start)
            {
                calendarEvent.DtStart = new CalDateTime(meeting.Date.ToDateTime(start), TimeZone);
                calendarEvent.Duration = Duration.FromTimeSpanExact(EveningLength);
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
}
