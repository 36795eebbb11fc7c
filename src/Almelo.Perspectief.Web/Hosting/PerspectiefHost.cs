using System.Globalization;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Components;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Endpoints;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>All service registration and the request pipeline, in one place.</summary>
internal static class PerspectiefHost
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
                logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext().Enrich.With<TruncatedRequestPath>();
                // The host would log a taken address with its stack trace; SiteStart says it in one line.
                logger.Filter.ByExcluding(e => Settings.IsAddressInUse(e.Exception));
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
            .ValidateSettings(ContentOptions.Section)
            .ValidateOnStart();
        builder.Services.AddOptions<SiteOptions>()
            .BindConfiguration(SiteOptions.Section)
            .ValidateSettings(SiteOptions.Section)
            // Absolute addresses (canonical, share cards, sitemap, calendars) must never follow the Host a request brings.
            .Validate(site => !production || !string.IsNullOrEmpty(site.BaseUrl), "Site:BaseUrl ontbreekt; in Production (ook na een publish) is dat het adres waarop de site te bereiken is, bijvoorbeeld https://perspectief.almelo.nl, en de site antwoordt alleen op die host.")
            .ValidateOnStart();
        builder.Services.AddOptions<RequestLoggingOptions>().BindConfiguration(RequestLoggingOptions.Section).ValidateSettings(RequestLoggingOptions.Section).ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<PublicAddress>();
        builder.Services.AddSingleton(TimeProvider.System);
        // The export command registers its own mode first.
        builder.Services.TryAddSingleton(StaticExport.ExportMode.Live);
        builder.Services.AddSingleton<ContentStore>();
        builder.Services.AddSingleton<IContentSource>(services => services.GetRequiredService<ContentStore>());
        builder.Services.AddHostedService(services => services.GetRequiredService<ContentStore>());
        builder.Services.AddHealthChecks()
            .AddCheck<ContentHealthCheck>(ContentHealthCheck.Name)
            .AddCheck<DecisionRecordedCheck>(DecisionRecordedCheck.Name);
        builder.Services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section).ValidateSettings(HealthOptions.Section).ValidateOnStart();

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
            .AddHubOptions(hub =>
            {
                hub.MaximumReceiveMessageSize = circuits.MaximumReceiveMessageSize;
                // Armed by SignalR only once a client has sent its first ping; CircuitGate closes WebSockets that never do.
                hub.ClientTimeoutInterval = TimeSpan.FromSeconds(circuits.ClientTimeoutSeconds);
                hub.HandshakeTimeout = TimeSpan.FromSeconds(circuits.HandshakeTimeoutSeconds);
                hub.AddFilter<CircuitCapFilter>();
            });
        builder.Services.Replace(ServiceDescriptor.Scoped<AntiforgeryStateProvider, NoAntiforgeryState>());
        builder.Services.AddMudServices();
        // Interface text per language: Resources/*.resx (Dutch) and *.en.resx, in the request's culture.
        builder.Services.AddLocalization();
        return builder;
    }

    /// <summary>
    /// The request pipeline. Its order is part of the design: each step says why it stands where it does, and
    /// docs/architecture.md follows one request through it.
    /// </summary>
    public static WebApplication UsePerspectief(this WebApplication app)
    {
        // 1. HEAD as GET: before the output cache, so that HEAD shares GET's entry (page endpoints answer only GET).
        app.UseHeadAsGet();
        // 2. One of three encodings: before routing, where static files pick their precompressed copy, and before the cache that keys on it.
        app.UseChosenEncoding();
        // 3. The client's real address and host, before anything logs or limits by them; a Host no address can be built from is a 400.
        app.UseProxiesAndHost();
        // 4. The request log: before the rate limiter, so that a 429 is logged too.
        var slow = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RequestLoggingOptions>>().Value.SlowRequestMilliseconds;
        var repeats = app.Services.GetRequiredService<RepeatedLogFilter>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = (context, elapsed, error) => RequestLogLevel(context, elapsed, error, slow, repeats);
            // No personal data beyond what is needed: the client address without its last part.
            options.EnrichDiagnosticContext = (diagnostics, context) => diagnostics.Set("ClientAddress", ClientAddress.Of(context));
        });
        // 5. The error page (outside Development): around everything after it that can throw.
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler(RouteTable.Error.Path(), createScopeForErrors: true);
        }
        // 6. Security headers and the HTTPS redirect: on every response, error pages included.
        app.UseHardening();
        // 7. Routing: from here on the endpoint is known, and the steps below read its metadata.
        app.UseRouting();
        // 8. The rate limiter: needs the endpoint, to count static files apart from pages.
        app.UseRateLimiter();
        // 9. The circuit gate: in front of the island's SignalR endpoints only.
        app.UseCircuitGate();
        // 10-11. The "not found" page for a 404 without a body; the step inside it keeps every other status (416, 405) as it is.
        app.UseStatusCodePagesWithReExecute(RouteTable.NotFound.Path(), createScopeForStatusCodePages: true);
        app.UseNotFoundPageOnlyFor404();
        // 12. Another letter case of a route is redirected before anything is rendered or cached.
        app.UseCanonicalLetterCase();
        // 13-16. Validators and 304s, the output cache, whole responses, compression: their order is PageCaching's.
        app.UseContentCaching();
        // 17. The language of the address (nl-NL, or en-GB under /en) for every render: the process culture may be anything.
        app.UsePathLanguage();
        // 18. Required by the page endpoints; no page has a form, so no token is ever made (NoAntiforgeryState).
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealth();
        app.MapData().CacheForEveryone();
        app.MapIsland();
        app.MapRazorComponents<App>()
            .AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = "'none'")
            .CacheForEveryone();
        // The stylesheet is minified once per process (about half a second): at start, not in the first reader's request.
        _ = Components.Layout.SiteStyles.Css;
        return app;
    }

    /// <summary>
    /// Errors and 5xx as errors, slow requests as warnings, ended island connections as information; a 4xx once per
    /// client network, status and window (429 as a warning, others as information) and its repeats at Debug, so that
    /// one client cannot fill the disk with them; ordinary successful requests at Debug (not written in Production
    /// unless an operator lowers the level), static files and health probes at Verbose.
    /// </summary>
    internal static LogEventLevel RequestLogLevel(HttpContext context, double elapsed, Exception? error, int slowMilliseconds, RepeatedLogFilter repeats)
    {
        var status = context.Response.StatusCode;
        // A refused island connection: the circuit cap has logged its own warning, once per client and window.
        if (error is null && CircuitGate.WasRefused(context))
        {
            return LogEventLevel.Debug;
        }
        // A monitor asks /health/inhoud every minute or so: its 503 is the answer it asked for, not a failure to log.
        if (error is null && status >= 400 && Hardening.IsHealthProbe(context.Request.Path))
        {
            return elapsed > slowMilliseconds ? LogEventLevel.Warning : LogEventLevel.Verbose;
        }
        if (error is not null || status >= 500)
        {
            return LogEventLevel.Error;
        }
        // An island's WebSocket (101) is logged when it closes: its time is how long the reader stayed, not slowness.
        if (status == StatusCodes.Status101SwitchingProtocols)
        {
            return LogEventLevel.Information;
        }
        if (status >= 400)
        {
            return !repeats.IsFirst($"{status} {ClientAddress.Of(context)}") ? LogEventLevel.Debug
                : status == StatusCodes.Status429TooManyRequests || elapsed > slowMilliseconds ? LogEventLevel.Warning
                : LogEventLevel.Information;
        }
        if (elapsed > slowMilliseconds)
        {
            return LogEventLevel.Warning;
        }
        // Static files and health probes would drown the log under load. Told apart by endpoint, as the rate limiter
        // does, not by a dot in the path: downloads (cijfers.csv, .ics, sitemap.xml) are readers' requests, like pages.
        return Hardening.IsHealthProbe(context.Request.Path)
            || context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null
            ? LogEventLevel.Verbose
            : LogEventLevel.Debug;
    }
}
