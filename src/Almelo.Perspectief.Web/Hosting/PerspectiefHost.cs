using System.Globalization;
using Almelo.Perspectief.Web.Components;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>All service registration and the request pipeline, in one place.</summary>
public static class PerspectiefHost
{
    /// <summary>A published app serves its own wwwroot, whatever folder it is started from.</summary>
    public static string? PublishedContentRoot() =>
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;

    public static string ConfiguredContentPath(WebApplicationBuilder builder) =>
        Path.GetFullPath(builder.Configuration[$"{ContentOptions.Section}:{nameof(ContentOptions.Path)}"] ?? "content", builder.Environment.ContentRootPath);

    public static WebApplicationBuilder AddPerspectief(this WebApplicationBuilder builder)
    {
        var production = builder.Environment.IsProduction();
        // Each host its own logger; the static Log.Logger is left alone, so that several hosts in one process
        // (the tests) never write into each other's log.
        builder.Services.AddSerilog(
            (services, logger) =>
            {
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
                if (production)
                {
                    logger.WriteTo.Console(new RenderedCompactJsonFormatter());
                }
                else
                {
                    logger.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture);
                }
            },
            preserveStaticLogger: true);

        builder.Services.AddOptions<ContentOptions>()
            .BindConfiguration(ContentOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton(TimeProvider.System);
        // The export command registers its own mode first.
        builder.Services.TryAddSingleton(Export.ExportMode.Live);
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddHostedService<ContentStartup>();
        builder.Services.AddHealthChecks().AddCheck<ContentHealthCheck>("content");

        builder.AddHardening();
        builder.Services.AddPageCaching();
        var circuits = builder.Configuration.GetSection(CircuitLimitsOptions.Section).Get<CircuitLimitsOptions>() ?? new CircuitLimitsOptions();
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(options =>
            {
                options.DisconnectedCircuitMaxRetained = circuits.DisconnectedCircuitMaxRetained;
                options.DisconnectedCircuitRetentionPeriod = TimeSpan.FromSeconds(circuits.DisconnectedCircuitRetentionSeconds);
                options.JSInteropDefaultCallTimeout = TimeSpan.FromSeconds(circuits.JSInteropTimeoutSeconds);
                options.MaxBufferedUnacknowledgedRenderBatches = circuits.MaxBufferedUnacknowledgedRenderBatches;
                options.DetailedErrors = false;
            })
            .AddHubOptions(hub => hub.MaximumReceiveMessageSize = circuits.MaximumReceiveMessageSize);
        builder.Services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, NoAntiforgeryState>());
        builder.Services.AddMudServices();
        return builder;
    }

    public static WebApplication UsePerspectief(this WebApplication app)
    {
        app.UseHardening();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/fout", createScopeForErrors: true);
        }
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = RequestLogLevel;
            // No personal data beyond what is needed: the client address without its last part.
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("ClientAddress", ClientAddress.Of(context));
        });
        app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
        app.UseOutputCache();
        app.UseResponseCompression();
        var dutch = new CultureInfo("nl-NL");
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(dutch),
            SupportedCultures = [dutch],
            SupportedUICultures = [dutch],
        });
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealth();
        app.MapData().CacheOutput(PageCaching.Policy);
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'")
            .CacheOutput(PageCaching.Policy);
        return app;
    }

    private static LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? error)
    {
        if (error is not null || context.Response.StatusCode >= 500)
        {
            return LogEventLevel.Error;
        }
        // Static assets and health probes would drown the log under load.
        return context.Request.Path.StartsWithSegments("/health")
            || Path.HasExtension(context.Request.Path.Value)
            ? LogEventLevel.Verbose
            : LogEventLevel.Information;
    }
}
