using System.ComponentModel.DataAnnotations;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>Requests per client address (section <c>RateLimiting</c>); off for load tests with <c>RateLimiting:Enabled=false</c>.</summary>
internal sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests for pages and downloads one client network (/24, /48) may make per window.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 200;

    /// <summary>Requests for static files (CSS, scripts, images) per window, counted apart from pages: a page visit needs a few.</summary>
    [Range(1, 100_000)]
    public int AssetPermitLimit { get; set; } = 400;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>
/// The reverse proxies whose X-Forwarded-For, -Proto and -Host are trusted (section <c>ReverseProxy</c>). None by
/// default, not even loopback: without a configured proxy the headers are ignored.
/// </summary>
internal sealed class ReverseProxyOptions : IValidatableObject
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public IList<string> KnownNetworks { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < KnownProxies.Count; i++)
        {
            if (!System.Net.IPAddress.TryParse(KnownProxies[i], out _))
            {
                yield return new ValidationResult($"{Section}:{nameof(KnownProxies)}:{i} is '{KnownProxies[i]}'; dat is geen IP-adres (bijvoorbeeld 10.0.0.5).", [nameof(KnownProxies)]);
            }
        }
        for (var i = 0; i < KnownNetworks.Count; i++)
        {
            if (!System.Net.IPNetwork.TryParse(KnownNetworks[i], out _))
            {
                yield return new ValidationResult($"{Section}:{nameof(KnownNetworks)}:{i} is '{KnownNetworks[i]}'; dat is geen netwerk in CIDR-notatie (bijvoorbeeld 10.0.0.0/8).", [nameof(KnownNetworks)]);
            }
        }
    }
}

/// <summary>
/// What the request log keeps (section <c>RequestLogging</c>): errors and slow requests always; a 4xx once per client
/// network and window; ordinary successful requests only at Debug, so that neither a busy day nor one client
/// repeating a bad request writes a line per request (see docs/deployment.md).
/// </summary>
internal sealed class RequestLoggingOptions
{
    public const string Section = "RequestLogging";

    /// <summary>A request that takes longer than this is logged as a warning, whatever its status.</summary>
    [Range(1, 600_000)]
    public int SlowRequestMilliseconds { get; set; } = 1000;

    /// <summary>The same 4xx status (or refused circuit) from one client network is logged once in this many seconds; the repeats at Debug.</summary>
    [Range(1, 3600)]
    public int RepeatWindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits of the interactive island's circuits (section <c>Circuits</c>). Small on purpose: the island sends a
/// button click and receives a short text; anything larger is not a reader.
/// </summary>
internal sealed class CircuitLimitsOptions : IValidatableObject
{
    public const string Section = "Circuits";

    /// <summary>Circuits kept after a reader's connection dropped, so that a phone that loses signal can rejoin.</summary>
    [Range(0, 10_000)]
    public int DisconnectedCircuitMaxRetained { get; set; } = 100;

    [Range(1, 3600)]
    public int DisconnectedCircuitRetentionSeconds { get; set; } = 60;

    [Range(1, 300)]
    public int JSInteropTimeoutSeconds { get; set; } = 30;

    /// <summary>Render batches a slow client may leave unacknowledged before the server waits for it.</summary>
    [Range(1, 100)]
    public int MaxBufferedUnacknowledgedRenderBatches { get; set; } = 10;

    /// <summary>Open connections to the island from one client network (/24, /48, as the rate limiter counts); more are refused with a warning in the log.</summary>
    [Range(1, 10_000)]
    public int MaxCircuitsPerClient { get; set; } = 20;

    /// <summary>Open connections to the island from all clients together: the ceiling on the memory circuits can take.</summary>
    [Range(1, 100_000)]
    public int MaxCircuits { get; set; } = 1000;

    /// <summary>
    /// A connection whose client sent no message for this long is closed. The island's client sends a ping every 15
    /// seconds, so a reader is never closed by a value above that.
    /// </summary>
    [Range(1, 3600)]
    public int ClientTimeoutSeconds { get; set; } = 30;

    /// <summary>A new connection must complete SignalR's handshake within this time.</summary>
    [Range(1, 300)]
    public int HandshakeTimeoutSeconds { get; set; } = 15;

    /// <summary>Largest message a client may send over the circuit, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaximumReceiveMessageSize { get; set; } = 16 * 1024;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxCircuitsPerClient > MaxCircuits)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(MaxCircuitsPerClient)} is {MaxCircuitsPerClient}, meer dan {Section}:{nameof(MaxCircuits)} ({MaxCircuits}), het plafond voor alle clients samen.",
                [nameof(MaxCircuitsPerClient), nameof(MaxCircuits)]);
        }
    }
}
