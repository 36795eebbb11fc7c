using System.ComponentModel.DataAnnotations;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>Requests per client address (section <c>RateLimiting</c>); off for load tests with <c>RateLimiting:Enabled=false</c>.</summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests one client address may make per window; a page visit with its files is about 8.</summary>
    [Range(1, 100_000)]
    public int PermitLimit { get; set; } = 200;

    [Range(1, 3600)]
    public int WindowSeconds { get; set; } = 10;
}

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are trusted (section <c>ReverseProxy</c>).</summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Addresses of trusted proxies, e.g. "10.0.0.5".</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>Networks of trusted proxies in CIDR notation, e.g. "10.0.0.0/8".</summary>
    public IList<string> KnownNetworks { get; } = [];
}

/// <summary>
/// Limits of the interactive island's circuits (section <c>Circuits</c>). Small on purpose: the island sends a
/// button click and receives a short text; anything larger is not a reader.
/// </summary>
public sealed class CircuitLimitsOptions
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

    /// <summary>Largest message a client may send over the circuit, in bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaximumReceiveMessageSize { get; set; } = 16 * 1024;
}
