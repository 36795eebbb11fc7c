using System.Text.Json;
using Almelo.Perspectief.Web.Addresses;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Almelo.Perspectief.Web.Endpoints;

/// <summary><c>/health</c> (content status and counts; the errors themselves only with Health:Details) and <c>/health/live</c> (the process answers).</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks(RouteTable.Health.Template, new HealthCheckOptions
        {
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
