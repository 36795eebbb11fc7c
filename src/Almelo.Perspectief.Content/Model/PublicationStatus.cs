using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Formatting;

namespace Almelo.Perspectief.Content.Model;

/// <summary>Where the council's decision on a publication stands, decided from the meeting dates and the content.</summary>
public enum DecisionStage
{
    /// <summary>No meeting is over yet; the first may be today.</summary>
    Upcoming,

    /// <summary>Some meetings are over, others are still to come (or today).</summary>
    Discussing,

    /// <summary>Every meeting is over, but the content records no outcome.</summary>
    DecidedPendingOutcome,

    /// <summary>Every meeting is over and the content records what the council decided.</summary>
    Decided,

    /// <summary>A past meeting records what the council decided, and the council meets on it again: the decision stays in view.</summary>
    DecidedContinuing,
}

/// <summary>The editors' sentence for each stage; the placeholders in <see cref="Placeholders"/> are filled by the code.</summary>
public sealed record StatusWording(string Upcoming, string Discussing, string PendingOutcome, string Decided, string DecidedContinuing)
{
    /// <summary>The sentence for a stage.</summary>
    public string For(DecisionStage stage) => stage switch
    {
        DecisionStage.Upcoming => Upcoming,
        DecisionStage.Discussing => Discussing,
        DecisionStage.DecidedPendingOutcome => PendingOutcome,
        DecisionStage.DecidedContinuing => DecidedContinuing,
        _ => Decided,
    };

    /// <summary>Every placeholder a sentence may use: dates of meetings (nl-NL) and the recorded outcome.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["bespreken", "beslissen", "vergaderd", "komend", "besluitdatum", "uitkomst"];
}

/// <summary>
/// The status of a publication on one day: its stage, the sentence to show, the meeting whose outcome it cites, and the
/// day the status last changed (the last meeting that is over; null before the first), which the page shows as
/// "Status bijgewerkt".
/// </summary>
public sealed partial record PublicationStatus(DecisionStage Stage, string Text, Meeting? Decision, DateOnly? Since)
{
    /// <summary>
    /// The status on <paramref name="today"/>; null for a publication without meetings, which has no decision to follow.
    /// A recorded outcome of a meeting that is over is never hidden: a later meeting makes the stage
    /// <see cref="DecisionStage.DecidedContinuing"/>, not <see cref="DecisionStage.Discussing"/>.
    /// </summary>
    public static PublicationStatus? For(Publication publication, DateOnly today)
    {
        if (publication.StatusWording is not { } wording || publication.Meetings.Count == 0)
        {
            return null;
        }
        var (stage, decision, values) = Evaluate(publication.Meetings, today, TextFormat.For(publication.Language));
        var since = publication.Meetings.Where(m => m.HasPassed(today)).Select(m => (DateOnly?)m.Date).Max();
        return new PublicationStatus(stage, Fill(wording.For(stage), values), decision, since);
    }

    /// <summary>
    /// One of the editors' status-driven sentences (publicatie.json "status" → "zinnen"), for the text:
    /// the sentence of the stage on <paramref name="today"/>, filled like the notice. Null when the publication has no such sentence or no meetings.
    /// </summary>
    public static string? Sentence(Publication publication, string name, DateOnly today)
    {
        if (publication.Meetings.Count == 0 || !publication.StatusSentences.TryGetValue(name, out var wording))
        {
            return null;
        }
        var (stage, _, values) = Evaluate(publication.Meetings, today, TextFormat.For(publication.Language));
        return Fill(wording.For(stage), values);
    }

    private static (DecisionStage Stage, Meeting? Decision, Dictionary<string, string> Values) Evaluate(IReadOnlyList<Meeting> meetings, DateOnly today, TextFormat format)
    {
        var decision = meetings.LastOrDefault(m => m.Outcome is not null && m.HasPassed(today));
        var stage = meetings.All(m => m.HasPassed(today))
            ? decision is null ? DecisionStage.DecidedPendingOutcome : DecisionStage.Decided
            : decision is not null ? DecisionStage.DecidedContinuing
            : meetings.Any(m => m.HasPassed(today)) ? DecisionStage.Discussing : DecisionStage.Upcoming;
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["bespreken"] = format.DateList(meetings.Where(m => m.Kind == MeetingKind.PolitiekeAvond).Select(m => m.Date)),
            ["beslissen"] = format.DateList(meetings.Where(m => m.Kind == MeetingKind.Besluitvormend).Select(m => m.Date)),
            ["vergaderd"] = format.DateList(meetings.Where(m => m.HasPassed(today)).Select(m => m.Date)),
            ["komend"] = format.DateList(meetings.Where(m => !m.HasPassed(today)).Select(m => m.Date)),
            ["besluitdatum"] = decision is null ? string.Empty : format.DateList([decision.Date]),
            ["uitkomst"] = decision?.Outcome?.Text ?? string.Empty,
        };
        return (stage, stage is DecisionStage.Decided or DecisionStage.DecidedContinuing ? decision : null, values);
    }

    /// <summary>The placeholders a sentence uses, "{naam}", for checking them when the content is loaded.</summary>
    public static IEnumerable<string> PlaceholdersIn(string template) =>
        Placeholder().Matches(template).Select(m => m.Groups[1].Value);

    [GeneratedRegex(@"\{([^{}]*)\}")]
    private static partial Regex Placeholder();

    private static string Fill(string template, IReadOnlyDictionary<string, string> values) =>
        values.Aggregate(template, (text, value) => text.Replace("{" + value.Key + "}", value.Value, StringComparison.Ordinal));
}

/// <summary>A located notice for editors that does not stop the content from being served, such as stale content.</summary>
public sealed record ContentWarning(ContentLocation Location, string Message)
{
    public const string Prefix = "waarschuwing: ";

    public override string ToString() => LogLine.Text($"{Prefix}{Location}: {Message}");

    /// <summary>
    /// Warnings that depend on the date: a publication whose meetings are all over, with no outcome recorded,
    /// still reads as if the decision is to come. Points at the last meeting, where the outcome belongs.
    /// </summary>
    public static IReadOnlyList<ContentWarning> For(ContentSnapshot snapshot, DateOnly today) =>
        snapshot.Publications
            .Where(p => PublicationStatus.For(p, today)?.Stage == DecisionStage.DecidedPendingOutcome)
            .Select(p => new ContentWarning(
                p.Meetings[^1].Location,
                $"Alle vergaderingen van '{p.Title}' zijn voorbij, maar er staat niet wat de raad besloot. Zet bij de laatste vergadering een \"uitkomst\" met tekst en bron (zie de inhoudsgids, hoofdstuk \"Na het raadsbesluit\")."))
            .ToList();
}
