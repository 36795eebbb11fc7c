using System.ComponentModel.DataAnnotations;
using Almelo.Perspectief.Content.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Content;

/// <summary>
/// Healthy while the content on disk is what the site serves; Degraded while it serves the last good content.
/// Warnings (content gone stale with time) are counted but leave it Healthy: the site is right, only out of date.
/// The answer is public, so it gives counts; the located errors and warnings quote the editors' text, unpublished
/// text too, and are listed only with <see cref="HealthOptions.Details"/> (the log always has the errors).
/// </summary>
internal sealed class ContentHealthCheck(IContentSource store, TimeProvider clock, IOptions<HealthOptions> options, IHostEnvironment environment) : IHealthCheck
{
    public const string Name = "content";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = store.State;
        var warnings = ContentWarning.For(state.Snapshot, clock.Today());
        var data = new Dictionary<string, object>
        {
            ["loadedAt"] = state.Snapshot.LoadedAt,
            ["publicationCount"] = state.Snapshot.Publications.Count,
            ["errorCount"] = state.Errors.Count,
            ["warningCount"] = warnings.Count,
        };
        if (options.Value.Details ?? environment.IsDevelopment())
        {
            data["publications"] = state.Snapshot.Publications.Select(p => p.Slug).ToArray();
            data["errors"] = state.Errors.Select(e => e.ToString()).ToArray();
            data["warnings"] = warnings.Select(w => w.ToString()).ToArray();
        }
        return Task.FromResult(state.IsDegraded
            ? HealthCheckResult.Degraded($"De inhoud bevat {state.Errors.Count} fout(en); de site toont de laatst goede versie.", data: data)
            : HealthCheckResult.Healthy(warnings.Count == 0 ? "De inhoud is geldig." : $"De inhoud is geldig, met {warnings.Count} waarschuwing(en).", data));
    }
}

/// <summary>What <c>/health</c> tells anyone who asks (section <c>Health</c>); see docs/deployment.md.</summary>
internal sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// List the publications and every content error and warning with its place and text. Unset: only in Development.
    /// Turn it on only where <c>/health</c> is not public.
    /// </summary>
    public bool? Details { get; set; }

    /// <summary>
    /// Days after the last meeting of a publication that may pass without a recorded outcome before
    /// <c>/health/inhoud</c> reports it (<see cref="DecisionRecordedCheck"/>).
    /// </summary>
    [Range(1, 3650)]
    public int StaleAfterDays { get; set; } = 30;
}
