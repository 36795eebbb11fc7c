namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// One step of the decision process: on a date, in a period ("eind 2024"), or at one or more council meetings.
/// Title and explanation have their figures filled in.
/// </summary>
public sealed record TimelineStep(string Title, string Explanation, DateOnly? Date, string? Period, IReadOnlyList<Meeting> Meetings)
{
    /// <summary>The source of a step that the other content does not already source (a later meeting, a document).</summary>
    public Source? Source { get; init; }

    /// <summary>The last day of a dated step; null for a period, which has no day to compare with.</summary>
    public DateOnly? LastDay => Meetings.Count > 0 ? Meetings.Max(m => m.Date) : Date;
}

/// <summary>Where a step of the timeline stands: done, the step the process is at now, or still to come.</summary>
public enum StepState
{
    Done,
    Current,
    Upcoming,
}

/// <summary>The time rules of the timeline, decided here so that the page only shows them.</summary>
public static partial class TimelineProgress
{
    /// <summary>
    /// A dated step is done once its last day is over. A period without a date is done once a later dated step
    /// is done or happening today: "najaar 2025" after a step of 28 May 2025 is not done on 1 June 2025; and once the
    /// last year it names is over, so that a last step "najaar 2025" is not still "now" in 2026.
    /// The first step that is not done is the current one; the ones after it are upcoming.
    /// </summary>
    public static IReadOnlyList<StepState> On(IReadOnlyList<TimelineStep> steps, DateOnly today)
    {
        var done = new bool[steps.Count];
        var laterStarted = false;
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].LastDay is { } last)
            {
                done[i] = last < today;
                laterStarted |= FirstDay(steps[i]) <= today;
            }
            else
            {
                done[i] = laterStarted || LastYearNamed(steps[i].Period) < today.Year;
            }
        }
        var current = Array.IndexOf(done, false);
        return done.Select((d, i) => d ? StepState.Done : i == current ? StepState.Current : StepState.Upcoming).ToList();
    }

    /// <summary>The last year a period names ("najaar 2025", "2025-2026"), or null when it names none.</summary>
    private static int? LastYearNamed(string? period) =>
        period is null ? null : Year().Matches(period).Select(m => (int?)int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).Max();

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:19|20)[0-9]{2}\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Year();

    private static DateOnly FirstDay(TimelineStep step) => step.Meetings.Count > 0 ? step.Meetings.Min(m => m.Date) : step.Date!.Value;
}
