using System.Text.Json.Serialization;

namespace Almelo.Perspectief.Content.Model;

[JsonConverter(typeof(JsonStringEnumConverter<MeetingKind>))]
public enum MeetingKind
{
    [JsonStringEnumMemberName("politieke-avond")]
    PolitiekeAvond,

    [JsonStringEnumMemberName("besluitvormend")]
    Besluitvormend,
}

/// <summary>Where a day stands against today: over, today, or still to come.</summary>
public enum DayState
{
    Passed,
    Today,
    Upcoming,
}

/// <summary>
/// A council meeting about the publication. Only the date, kind and subject are required: everything else is
/// shown when the content gives it and left out when it does not, never guessed.
/// </summary>
public sealed record Meeting(string Id, DateOnly Date, MeetingKind Kind, string Subject, ContentLocation Location)
{
    public TimeOnly? StartTime { get; init; }

    public TimeOnly? EndTime { get; init; }

    public MeetingPlace? Place { get; init; }

    /// <summary>The agenda item on the council's own site.</summary>
    public Uri? Agenda { get; init; }

    /// <summary>The livestream, or the recording once the meeting is over.</summary>
    public Uri? Broadcast { get; init; }

    public SpeakingInfo? Speaking { get; init; }

    public MeetingOutcome? Outcome { get; init; }

    /// <summary>A meeting has passed once its day is over in Almelo; on the day itself it is still on.</summary>
    public DayState StateOn(DateOnly today) => Date < today ? DayState.Passed : Date == today ? DayState.Today : DayState.Upcoming;

    public bool HasPassed(DateOnly today) => StateOn(today) == DayState.Passed;
}

/// <summary>Where a meeting is held: a name ("Raadzaal") and, when known, an address.</summary>
public sealed record MeetingPlace(string Name, string? Address)
{
    public override string ToString() => Address is null ? Name : $"{Name}, {Address}";
}

/// <summary>How a resident can speak at the meeting (inspreken): a short text and, when known, a link.</summary>
public sealed record SpeakingInfo(string Text, Uri? Link);

/// <summary>What the council decided at this meeting, with a link to the decision when known and the source that says so.</summary>
public sealed record MeetingOutcome(string Text, Uri? Decision, Source Source);

/// <summary>A place in a content file, so that a warning can point an editor to it.</summary>
public sealed record ContentLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
