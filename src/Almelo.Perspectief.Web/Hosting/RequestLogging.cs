using Microsoft.Extensions.Options;
using Serilog.Core;
using Serilog.Events;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// Lets one event per key (a client network and what happened to it) through per window of
/// <see cref="RequestLoggingOptions.RepeatWindowSeconds"/>: one client repeating a 404 or a refused circuit is logged
/// once per window, not once per request.
/// </summary>
internal sealed class RepeatedLogFilter(TimeProvider clock, IOptions<RequestLoggingOptions> options)
{
    /// <summary>Keys remembered per window; beyond this many clients in one window every further event counts as repeated, so memory stays bounded.</summary>
    public const int MaxKeysPerWindow = 10_000;

    private readonly HashSet<string> seen = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private long window = -1;

    /// <summary>True for the first event with this key in the current window.</summary>
    public bool IsFirst(string key)
    {
        var current = clock.GetUtcNow().ToUnixTimeSeconds() / options.Value.RepeatWindowSeconds;
        lock (gate)
        {
            if (current != window)
            {
                seen.Clear();
                window = current;
            }
            return seen.Count < MaxKeysPerWindow && seen.Add(key);
        }
    }
}

/// <summary>
/// The request path is the client's to choose (up to the 8 KB request line): every log event keeps at most
/// <see cref="MaxLength"/> characters of it, and says how long it was.
/// </summary>
internal sealed class TruncatedRequestPath : ILogEventEnricher
{
    public const int MaxLength = 200;

    private const string Property = "RequestPath";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (logEvent.Properties.TryGetValue(Property, out var value) && value is ScalarValue { Value: string path } && path.Length > MaxLength)
        {
            logEvent.AddOrUpdateProperty(propertyFactory.CreateProperty(Property, Truncate(path)));
        }
    }

    public static string Truncate(string path) =>
        path.Length <= MaxLength ? path : $"{path.AsSpan(0, MaxLength)}…[{path.Length} characters]";
}
