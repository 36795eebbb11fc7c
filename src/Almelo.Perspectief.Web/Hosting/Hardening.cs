using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
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

        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section);
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        builder.Services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, settings) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                !settings.Value.Enabled || context.Request.Path.StartsWithSegments("/health")
                    ? RateLimitPartition.GetNoLimiter("geen limiet")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        ClientAddress.Of(context),
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = settings.Value.PermitLimit,
                            Window = TimeSpan.FromSeconds(settings.Value.WindowSeconds),
                            QueueLimit = 0,
                        }));
            limiter.OnRejected = (rejected, _) =>
            {
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(settings.Value.WindowSeconds);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                rejected.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                return new ValueTask(rejected.HttpContext.Response.WriteAsync("Te veel verzoeken in korte tijd. Probeer het over een paar seconden opnieuw.", CancellationToken.None));
            };
        });

        builder.Services.AddOptions<CircuitLimitsOptions>().BindConfiguration(CircuitLimitsOptions.Section).ValidateDataAnnotations().ValidateOnStart();

        // Several instances behind a load balancer must read each other's circuit descriptors: one key ring, in a shared folder.
        var keys = builder.Configuration["DataProtection:KeysPath"];
        var protection = builder.Services.AddDataProtection().SetApplicationName("Almelo.Perspectief");
        if (!string.IsNullOrWhiteSpace(keys))
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(keys, builder.Environment.ContentRootPath)));
        }
    }

    public static void UseHardening(this WebApplication app)
    {
        app.UseForwardedHeaders();
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
        app.UseRateLimiter();
    }
}

/// <summary>The client's address as far as logs and limits need it: the last part removed, so that no one is identified by it.</summary>
public static class ClientAddress
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
