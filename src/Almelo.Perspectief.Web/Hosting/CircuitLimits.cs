using System.Diagnostics;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// Open connections to the island, per client network (<see cref="ClientAddress"/>: /24, /48, as the rate limiter
/// counts) and in total. Each costs the server a circuit's memory (measured in docs/benchmarks.md). A client without an
/// open connection has no entry, so memory is bounded by the ceiling.
/// </summary>
internal sealed partial class CircuitCap(IOptions<CircuitLimitsOptions> options, RepeatedLogFilter repeats, ILogger<CircuitCap> logger)
{
    private readonly Dictionary<string, int> perClient = new(StringComparer.Ordinal);
    private readonly Lock gate = new();
    private int total;

    /// <summary>Takes a place for the client, or says why there is none (and logs that, once per client and window).</summary>
    public CircuitRefusal TryEnter(string client) => Decide(client, enter: true);

    /// <summary>Whether the client would get a place now, without taking one: for the negotiate request before a connection.</summary>
    public CircuitRefusal Check(string client) => Decide(client, enter: false);

    public void Leave(string client)
    {
        lock (gate)
        {
            var count = perClient[client] - 1;
            if (count == 0)
            {
                perClient.Remove(client);
            }
            else
            {
                perClient[client] = count;
            }
            total--;
        }
    }

    private CircuitRefusal Decide(string client, bool enter)
    {
        var limits = options.Value;
        CircuitRefusal refusal;
        lock (gate)
        {
            perClient.TryGetValue(client, out var count);
            refusal = count >= limits.MaxCircuitsPerClient ? CircuitRefusal.Client
                : total >= limits.MaxCircuits ? CircuitRefusal.Total
                : CircuitRefusal.None;
            if (refusal is CircuitRefusal.None && enter)
            {
                perClient[client] = count + 1;
                total++;
            }
        }
        if (refusal is CircuitRefusal.Client)
        {
            ClientCapReached(logger, Level($"circuits {client}"), client, limits.MaxCircuitsPerClient);
        }
        else if (refusal is CircuitRefusal.Total)
        {
            TotalCapReached(logger, Level("circuits"), limits.MaxCircuits);
        }
        return refusal;
    }

    private LogLevel Level(string key) => repeats.IsFirst(key) ? LogLevel.Warning : LogLevel.Debug;

    [LoggerMessage(Message = "Circuit cap reached: client {ClientAddress} already has {MaxCircuitsPerClient} open connections to the interactive island; a new one was refused (setting Circuits:MaxCircuitsPerClient)")]
    private static partial void ClientCapReached(ILogger logger, LogLevel level, string clientAddress, int maxCircuitsPerClient);

    [LoggerMessage(Message = "Circuit ceiling reached: {MaxCircuits} connections to the interactive island are open; a new one was refused (setting Circuits:MaxCircuits)")]
    private static partial void TotalCapReached(ILogger logger, LogLevel level, int maxCircuits);
}

internal enum CircuitRefusal
{
    None,
    Client,
    Total,
}

/// <summary>
/// Counts the island's long-polling connections (Blazor's fallback where WebSockets are blocked; server-sent events
/// cannot carry its binary protocol and fail at the handshake): a WebSocket holds its place for as long as its
/// request lasts (<see cref="CircuitGate"/>). A refused connection is closed without an exception, so that SignalR
/// logs no error for it.
/// </summary>
internal sealed class CircuitCapFilter(CircuitCap cap) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        if (context.Context.Features.Get<IHttpTransportFeature>()?.TransportType is not HttpTransportType.WebSockets)
        {
            var client = ClientAddress.Truncate(context.Context.GetHttpContext()?.Connection.RemoteIpAddress);
            if (cap.TryEnter(client) is not CircuitRefusal.None)
            {
                context.Context.Abort();
                return;
            }
            context.Context.Items[typeof(CircuitCapFilter)] = client;
        }
        try
        {
            await next(context);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync after a failed OnConnectedAsync.
            Leave(context.Context);
            throw;
        }
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Leave(context.Context);
        return next(context, exception);
    }

    private void Leave(HubCallerContext context)
    {
        if (context.Items.Remove(typeof(CircuitCapFilter), out var client))
        {
            cap.Leave((string)client!);
        }
    }
}

/// <summary>
/// In front of the island's SignalR endpoints: a negotiate request is refused while the client (or the site) has no
/// place, so that the browser never gets a connection that is then closed (it keeps the prerendered island); a
/// WebSocket takes its place for as long as it is open; and a WebSocket whose client sends nothing is closed.
/// SignalR's own client timeout does not do that: it starts only at the client's first ping.
/// </summary>
internal static partial class CircuitGate
{
    private static readonly object Refused = new();

    /// <summary>The gate answered this request and logged why; the request log need not say it again.</summary>
    public static bool WasRefused(HttpContext context) => context.Items.ContainsKey(Refused);

    public static void UseCircuitGate(this WebApplication app) =>
        app.UseWhen(
            context => context.GetEndpoint()?.Metadata.GetMetadata<HubMetadata>() is not null,
            hub =>
            {
                // SignalR adds its own WebSocket middleware further on; this one comes first, so that the socket can be watched.
                hub.UseWebSockets();
                hub.Use(Guard);
            });

    private static async Task Guard(HttpContext context, RequestDelegate next)
    {
        var cap = context.RequestServices.GetRequiredService<CircuitCap>();
        var client = ClientAddress.Of(context);
        if (context.GetEndpoint()?.Metadata.GetMetadata<NegotiateMetadata>() is not null)
        {
            if (cap.Check(client) is var refusal and not CircuitRefusal.None)
            {
                await Refuse(context, refusal);
                return;
            }
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpWebSocketFeature>() is not { IsWebSocketRequest: true } sockets)
        {
            await next(context);
            return;
        }
        if (cap.TryEnter(client) is var refused and not CircuitRefusal.None)
        {
            await Refuse(context, refused);
            return;
        }
        try
        {
            var watched = new WatchedWebSockets(sockets);
            context.Features.Set<IHttpWebSocketFeature>(watched);
            var timeout = TimeSpan.FromSeconds(context.RequestServices.GetRequiredService<IOptions<CircuitLimitsOptions>>().Value.ClientTimeoutSeconds);
            using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
            var watchdog = CloseWhenSilent(context, watched, timeout, done.Token);
            try
            {
                await next(context);
            }
            finally
            {
                await done.CancelAsync();
                await watchdog;
            }
        }
        finally
        {
            cap.Leave(client);
        }
    }

    private static Task Refuse(HttpContext context, CircuitRefusal refusal)
    {
        context.Items[Refused] = true;
        context.Response.StatusCode = refusal is CircuitRefusal.Client ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.CacheControl = "no-store";
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("Te veel open verbindingen. De lijst met wetten op de pagina blijft werken.", CancellationToken.None);
    }

    /// <summary>Checks a few times per timeout; the connection closes at most a quarter of the timeout (and at most a second) after it.</summary>
    private static async Task CloseWhenSilent(HttpContext context, WatchedWebSockets watched, TimeSpan timeout, CancellationToken done)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, timeout.Ticks / 4)));
        try
        {
            while (await timer.WaitForNextTickAsync(done))
            {
                if (watched.SilentFor >= timeout)
                {
                    ClosedSilent(context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CircuitGate)), ClientAddress.Of(context), (int)timeout.TotalSeconds);
                    context.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The connection ended first.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closed a connection to the interactive island from client {ClientAddress}: it sent nothing for {ClientTimeoutSeconds} s (setting Circuits:ClientTimeoutSeconds)")]
    private static partial void ClosedSilent(ILogger logger, string clientAddress, int clientTimeoutSeconds);

    /// <summary>The request's WebSocket, with the time of the last message the client sent.</summary>
    private sealed class WatchedWebSockets(IHttpWebSocketFeature inner) : IHttpWebSocketFeature
    {
        private long lastReceived = Stopwatch.GetTimestamp();

        public bool IsWebSocketRequest => inner.IsWebSocketRequest;

        public TimeSpan SilentFor => Stopwatch.GetElapsedTime(Interlocked.Read(ref lastReceived));

        public async Task<WebSocket> AcceptAsync(WebSocketAcceptContext context) => new WatchedWebSocket(await inner.AcceptAsync(context), this);

        private void Received() => Interlocked.Exchange(ref lastReceived, Stopwatch.GetTimestamp());

        /// <summary>Passes everything through; a completed receive means the client sent a frame of a message (ping and pong frames never complete one).</summary>
        private sealed class WatchedWebSocket(WebSocket socket, WatchedWebSockets watch) : WebSocket
        {
            public override WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

            public override string? CloseStatusDescription => socket.CloseStatusDescription;

            public override WebSocketState State => socket.State;

            public override string? SubProtocol => socket.SubProtocol;

            public override void Abort() => socket.Abort();

            public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
                socket.CloseAsync(closeStatus, statusDescription, cancellationToken);

            public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) =>
                socket.CloseOutputAsync(closeStatus, statusDescription, cancellationToken);

            public override void Dispose() => socket.Dispose();

            public override async Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                watch.Received();
                return result;
            }

            public override async ValueTask<ValueWebSocketReceiveResult> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                watch.Received();
                return result;
            }

            public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
                socket.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

            public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken) =>
                socket.SendAsync(buffer, messageType, endOfMessage, cancellationToken);

            public override ValueTask SendAsync(ReadOnlyMemory<byte> buffer, WebSocketMessageType messageType, WebSocketMessageFlags messageFlags, CancellationToken cancellationToken) =>
                socket.SendAsync(buffer, messageType, messageFlags, cancellationToken);
        }
    }
}
