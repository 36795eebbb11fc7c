using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Healthy while the content on disk is what the site serves; Degraded, with the errors, while it serves the last good
/// content. Errors name files relative to the content folder (never a server path), as editors see them.
/// Warnings (content gone stale with time) are listed but leave it Healthy: the site is right, only out of date.
/// </summary>
public sealed class ContentHealthCheck(IContentSource store, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = store.State;
        var warnings = ContentWarning.For(state.Snapshot, clock.Today());
        var data = new Dictionary<string, object>
        {
            ["loadedAt"] = state.Snapshot.LoadedAt,
            ["publications"] = state.Snapshot.Publications.Select(p => p.Slug).ToArray(),
            ["errors"] = state.Errors.Select(e => e.ToString()).ToArray(),
            ["warnings"] = warnings.Select(w => w.ToString()).ToArray(),
        };
        return Task.FromResult(state.IsDegraded
            ? HealthCheckResult.Degraded($"De inhoud bevat {state.Errors.Count} fout(en); de site toont de laatst goede versie.", data: data)
            : HealthCheckResult.Healthy(warnings.Count == 0 ? "De inhoud is geldig." : $"De inhoud is geldig, met {warnings.Count} waarschuwing(en).", data));
    }
}
