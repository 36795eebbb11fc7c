using System.Text.Json;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.Time.Testing;
using Serilog.Core;
using Serilog.Events;

namespace Almelo.Perspectief.Web.Tests;

internal static class Http
{
    public static async Task<IHtmlDocument> Html(this HttpClient client, string url) =>
        new HtmlParser().ParseDocument(await client.GetStringAsync(new Uri(url, UriKind.Relative)));

    public static async Task<JsonDocument> Health(this HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync(new Uri("/health", UriKind.Relative)));

    public static string Status(this JsonDocument health) => health.RootElement.GetProperty("status").GetString()!;

    public static IReadOnlyList<string> ContentErrors(this JsonDocument health) =>
        health.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data").GetProperty("errors")
            .EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>Polls until the condition holds, and fails with what it saw last when it does not within the time.</summary>
    public static async Task<T> Eventually<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        var last = await read();
        while (!done(last) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            last = await read();
        }
        return done(last) ? last : throw new Xunit.Sdk.XunitException($"Not within {within}: last seen {last}");
    }
}

/// <summary>Every log event a host writes, as its sinks would get them.</summary>
internal sealed class CollectingSink : ILogEventSink
{
    private readonly List<LogEvent> events = [];

    public IReadOnlyList<LogEvent> Events
    {
        get
        {
            lock (events)
            {
                return [.. events];
            }
        }
    }

    public void Emit(LogEvent logEvent)
    {
        lock (events)
        {
            events.Add(logEvent);
        }
    }
}

/// <summary>
/// A clock for tests that wait on the content store's debounce and poll: its timers fire only when the test moves it
/// on (<see cref="FakeTimeProvider.Advance"/>), and it counts how often one was set to fire, which tells a test that
/// the file watcher has seen a change. Today is <see cref="PerspectiefFactory.Today"/>.
/// </summary>
internal sealed class StoreClock : TimeProvider
{
    private readonly FakeTimeProvider time = new(PerspectiefFactory.Today);
    private int timersSet;

    public int TimersSet => Volatile.Read(ref timersSet);

    public void Advance(TimeSpan delta) => time.Advance(delta);

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow();

    public override long GetTimestamp() => time.GetTimestamp();

    public override long TimestampFrequency => time.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        new CountedTimer(time.CreateTimer(callback, state, dueTime, period), this);

    private sealed class CountedTimer(ITimer timer, StoreClock clock) : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                Interlocked.Increment(ref clock.timersSet);
            }
            return timer.Change(dueTime, period);
        }

        public void Dispose() => timer.Dispose();

        public ValueTask DisposeAsync() => timer.DisposeAsync();
    }
}
