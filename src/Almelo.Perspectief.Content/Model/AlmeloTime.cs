namespace Almelo.Perspectief.Content.Model;

/// <summary>The site's local time: a meeting on 1 July is over when 1 July has ended in Almelo, not in UTC.</summary>
public static class AlmeloTime
{
    public static readonly TimeZoneInfo TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), TimeZone).DateTime);
}
