using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Almelo.Perspectief.Web.Addresses;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// What the site needs on the public internet: security headers, trusted proxies, rate limits, request limits,
/// circuit limits and Data Protection keys shared between instances. All of it configured once, here.
/// </summary>
internal static class Hardening
{
    public static void AddHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 50;
            kestrel.Limits.MaxRequestBodySize = 64 * 1024;
        });

        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateSettings(ReverseProxyOptions.Section).ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>, IOptions<SiteOptions>>((forwarded, proxies, site) =>
        {
            // ASP.NET trusts loopback by default, and every address once both lists are empty: so without a configured
            // proxy the headers are not read at all, and otherwise only from the proxies configured (validated at start).
            var configured = proxies.Value.KnownProxies.Count + proxies.Value.KnownNetworks.Count > 0;
            forwarded.ForwardedHeaders = configured ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost : ForwardedHeaders.None;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
            if (site.Value.PublicHost is { } host)
            {
                forwarded.AllowedHosts = [host];
            }
        });
        // In Production the site answers only to the host of Site:BaseUrl (unless AllowedHosts names hosts itself): any other Host gets 400.
        var publicHost = SiteOptions.HostOf(builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"]);
        if (builder.Environment.IsProduction() && publicHost is not null && builder.Configuration["AllowedHosts"] is null or "" or "*")
        {
            builder.Services.Configure<HostFilteringOptions>(hosts => hosts.AllowedHosts = [publicHost]);
        }

        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateSettings(RateLimitingOptions.Section).ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Pages (and downloads) and static files in separate buckets: a burst of pages never costs a reader its CSS.
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!settings.Value.Enabled || IsHealthProbe(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("geen limiet");
                }
                var asset = context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;
                return RateLimitPartition.GetFixedWindowLimiter(
                    (asset ? "bestand " : "pagina ") + ClientAddress.Of(context),
                    _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = asset ? settings.Value.AssetPermitLimit : settings.Value.PermitLimit,
                        Window = TimeSpan.FromSeconds(settings.Value.WindowSeconds),
                        QueueLimit = 0,
                    });
            });
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.Value.WindowSeconds);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(rejected.HttpContext.Response.WriteAsync("Te veel verzoeken in korte tijd. Probeer het over een paar seconden opnieuw.", CancellationToken.None));
            };
        });

        builder.Services.AddOptions<CircuitLimitsOptions>().BindConfiguration(CircuitLimitsOptions.Section).ValidateSettings(CircuitLimitsOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<RepeatedLogFilter>();
        builder.Services.AddSingleton<CircuitCap>();
        builder.Services.AddSingleton<CircuitCapFilter>();
        // The island's WebSockets are the only upgraded connections. The circuit gate refuses them first, with a plain
        // 429 or 503; Kestrel's limit (which would throw) stays a little above, for sockets still closing.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<CircuitLimitsOptions>>((kestrel, circuits) =>
            kestrel.Limits.MaxConcurrentUpgradedConnections = circuits.Value.MaxCircuits + circuits.Value.MaxCircuitsPerClient);

        // Several instances behind a load balancer must read each other's circuit descriptors: one key ring, in a shared folder.
        var keys = builder.Configuration["DataProtection:KeysPath"];
        var protection = builder.Services.AddDataProtection().SetApplicationName("Almelo.Perspectief");
        if (!string.IsNullOrWhiteSpace(keys))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }
    }

    /// <summary>First in the pipeline: the client's real address and host, and a 400 for a Host no address can be built from.</summary>
    public static void UseProxiesAndHost(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.Use((context, next) =>
        {
            if (IsUsableHost(context.Request.Host))
            {
                return next(context);
            }
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("Ongeldig adres (Host).", CancellationToken.None);
        });
    }

    /// <summary>
    /// The three health endpoints exactly: they are cheap and never rate limited. Any other path under /health is a
    /// page request like any other (a 404 rendered per request), and counts.
    /// </summary>
    internal static bool IsHealthProbe(PathString path) =>
        path.Equals(RouteTable.Health.Template, StringComparison.OrdinalIgnoreCase) || path.Equals(RouteTable.HealthLive.Template, StringComparison.OrdinalIgnoreCase)
        || path.Equals(RouteTable.HealthContent.Template, StringComparison.OrdinalIgnoreCase);

    private static string lastUsableHost = string.Empty;

    /// <summary>Kestrel accepts hosts such as "a..b" or "x:99999" that no absolute address can be built from; they get 400, not 500.</summary>
    private static bool IsUsableHost(HostString host)
    {
        var value = host.Value;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }
        if (value == lastUsableHost)
        {
            return true;
        }
        if (!Uri.TryCreate($"http://{value}/", UriKind.Absolute, out var uri) || uri.HostNameType is UriHostNameType.Unknown || uri.Authority.Length == 0)
        {
            return false;
        }
        lastUsableHost = value;
        return true;
    }

    public static void UseHardening(this WebApplication app)
    {
        var production = app.Environment.IsProduction();
        app.UseSecurityHeaders(headers =>
        {
            headers.AddDefaultSecurityHeaders()
                .AddFrameOptionsDeny()
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
                .AddPermissionsPolicyWithDefaultSecureDirectives()
                .RemoveServerHeader()
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    // Only the site's own files: no inline script, no eval. Blazor, the island and Chart.js all load from 'self'.
                    csp.AddScriptSrc().Self();
                    // MudBlazor's theme and Chart.js set styles inline; styles cannot run code.
                    csp.AddStyleSrc().Self().UnsafeInline();
                    csp.AddImgSrc().Self().Data();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                });
            if (production)
            {
                headers.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60);
            }
        });
        if (production && app.Configuration.GetValue("Https:Redirect", true))
        {
            app.UseHttpsRedirection();
        }
    }
}

/// <summary>The client's address as far as logs and limits need it: the last part removed, so that no one is identified by it.</summary>
internal static class ClientAddress
{
    public static string Of(HttpContext context) => Truncate(context.Connection.RemoteIpAddress);

    /// <summary>IPv4 keeps its first three bytes (203.0.113.0), IPv6 its first 48 bits (2001:db8:85a3::).</summary>
    public static string Truncate(IPAddress? address)
    {
        if (address is null)
        {
            return "onbekend";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        var bytes = address.GetAddressBytes();
        var keep = bytes.Length == 4 ? 3 : 6;
        for (var i = keep; i < bytes.Length; i++)
        {
            bytes[i] = 0;
        }
        return new IPAddress(bytes).ToString();
    }
}
