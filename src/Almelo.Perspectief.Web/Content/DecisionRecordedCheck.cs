using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Degraded once a publication's meetings have all been over for more than <see cref="HealthOptions.StaleAfterDays"/>
/// days while its content records no outcome: the page still reads as if the council has yet to decide. Only
/// <c>/health/inhoud</c> runs it, so that a stale page alerts a monitor but never takes the site out of a load balancer.
/// </summary>
internal sealed class DecisionRecordedCheck(IContentSource store, TimeProvider clock, IOptions<HealthOptions> options) : IHealthCheck
{
    public const string Name = "besluit";

    /// <summary>The chapter of docs/inhoud-bewerken.md with the checklist for recording a decision.</summary>
    public const string GuideChapter = "Na het raadsbesluit";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var today = clock.Today();
        var limit = options.Value.StaleAfterDays;
        var waiting = store.State.Snapshot.Publications
            .Where(p => PublicationStatus.For(p, today)?.Stage == DecisionStage.DecidedPendingOutcome)
            .Select(p => (Publication: p, Days: today.DayNumber - p.Meetings.Max(m => m.Date).DayNumber))
            .ToList();
        var late = waiting.Where(w => w.Days > limit).OrderByDescending(w => w.Days).ToList();
        var data = new Dictionary<string, object>
        {
            ["staleAfterDays"] = limit,
            ["waitingCount"] = waiting.Count,
            ["lateCount"] = late.Count,
        };
        if (late.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy(
                waiting.Count == 0 ? "Bij elke publicatie staat het besluit, of de raad moet nog beslissen." : $"Het besluit ontbreekt nog, maar de laatste vergadering is minder dan {limit} dagen geleden.",
                data));
        }
        var (publication, days) = late[0];
        return Task.FromResult(HealthCheckResult.Degraded(
            $"De laatste vergadering over '{publication.Title}' is {days} dagen voorbij, maar er staat niet wat de raad besloot{(late.Count > 1 ? $" (en bij {late.Count - 1} andere publicatie(s))" : string.Empty)}. Zet het besluit op de pagina: zie de inhoudsgids, hoofdstuk \"{GuideChapter}\".",
            data: data));
    }
}
