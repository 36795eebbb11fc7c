using System.Text.Json;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary>
/// <c>/health</c> (content status and counts; the errors themselves only with Health:Details), <c>/health/live</c>
/// (the process answers) and <c>/health/inhoud</c> (for a monitor: does the page need an editor?).
/// </summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(RouteTable.Health.Template, new HealthCheckOptions
        {
            Predicate = check => check.Name == ContentHealthCheck.Name,
            // Degraded still serves pages: answer 200 so that a load balancer keeps the instance.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteJson,
        }).DisableHttpMetrics();
        app.MapHealthChecks(RouteTable.HealthLive.Template, new HealthCheckOptions { Predicate = _ => false }).DisableHttpMetrics();
        app.MapHealthChecks(RouteTable.HealthContent.Template, new HealthCheckOptions
        {
            // Asked only by a monitor, never by a load balancer: any status but Healthy is an answer every monitor
            // alerts on without reading the body, while /health and /health/live keep the site in service.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteJson,
        }).DisableHttpMetrics();
    }

    private static Task WriteJson(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonOptions));
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };
}
