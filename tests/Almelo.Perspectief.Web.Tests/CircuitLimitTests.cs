using System.Net;
using System.Net.WebSockets;
using System.Text;
using Almelo.Perspectief.Content.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Serilog.Core;
using Serilog.Events;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The island's connections on a real Kestrel port, opened as a client that speaks SignalR's handshake and nothing
/// more: counted per client network and in total, refused without an error in the log, and closed when silent.
/// </summary>
public sealed class CircuitLimitTests : IDisposable
{
    /// <summary>The address the site sees for a request: set by the test, so that one machine can be several clients.</summary>
    private const string ClientHeader = "X-Test-Client";

    private const string Handshake = "{\"protocol\":\"blazorpack\",\"version\":1}\u001e";

    private readonly ContentFixture content = ContentFixture.Reference();
    private readonly CollectingSink sink = new();
    private readonly List<ClientWebSocket> sockets = [];

    [Fact]
    public async Task CircuitCap_RefusesTheConnectionOverTheCap_WithOneWarningAndNoError()
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "2"));
        var site = factory.StartOnRealPort();

        await Open(site, "203.0.113.7");
        await Open(site, "203.0.113.7");
        var refused = await Refused(site, "203.0.113.7");
        var negotiate = await Negotiate(site, "203.0.113.7");
        var secondRefusal = await Refused(site, "203.0.113.7");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused);
        Assert.Equal(HttpStatusCode.TooManyRequests, negotiate);
        Assert.Equal(HttpStatusCode.TooManyRequests, secondRefusal);
        var warning = Assert.Single(sink.Events, e => e.Level >= LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Circuit", StringComparison.Ordinal));
        Assert.Equal(LogEventLevel.Warning, warning.Level);
        Assert.StartsWith("Circuit cap reached: client \"203.0.113.0\"", warning.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Theory]
    [InlineData("2001:db8:85a3:1::7", "2001:db8:85a3:ffff::1", "2001:db8:85a4::7")]
    [InlineData("198.51.100.7", "198.51.100.200", "198.51.101.7")]
    public async Task CircuitCap_CountsTheClientNetwork_AsTheRateLimiterDoes(string first, string sameNetwork, string otherNetwork)
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "1"));
        var site = factory.StartOnRealPort();

        await Open(site, first);

        Assert.Equal(HttpStatusCode.TooManyRequests, await Refused(site, sameNetwork));
        await Open(site, otherNetwork);
    }

    [Fact]
    public async Task CircuitCap_RefusesBeyondTheCeilingForAllClients()
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "1"), ("Circuits:MaxCircuits", "2"));
        var site = factory.StartOnRealPort();

        await Open(site, "203.0.113.7");
        await Open(site, "198.51.100.7");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, await Refused(site, "192.0.2.7"));
        Assert.Contains(sink.Events, e => e.Level == LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Circuit ceiling reached", StringComparison.Ordinal));
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
        Assert.Equal(3, factory.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value.Limits.MaxConcurrentUpgradedConnections);
    }

    [Fact]
    public async Task CircuitCap_GivesThePlaceBack_WhenAConnectionEndsAbruptly()
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "1"));
        var site = factory.StartOnRealPort();
        var socket = await Open(site, "203.0.113.7");

        socket.Abort();

        await Http.Eventually(() => TryOpen(site, "203.0.113.7"), opened => opened, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task SilentConnection_IsClosedWithinTheClientTimeout_AndGivesItsPlaceBack()
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "1"), ("Circuits:ClientTimeoutSeconds", "1"));
        var site = factory.StartOnRealPort();
        var silent = await Open(site, "203.0.113.7");
        var opened = System.Diagnostics.Stopwatch.StartNew();

        var closed = await ReadUntilClosed(silent, TimeSpan.FromSeconds(10));

        Assert.True(closed, "the silent connection was still open after 10 s");
        Assert.InRange(opened.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
        await Http.Eventually(() => TryOpen(site, "203.0.113.7"), ok => ok, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task CircuitCap_LongPollingOverTheCap_IsClosedAfterItsHandshake_WithOneWarningAndNoError()
    {
        using var factory = Site(("Circuits:MaxCircuitsPerClient", "1"));
        var site = factory.StartOnRealPort();
        using var http = Client(site, "203.0.113.7");
        var connection = await Negotiated(http);
        // The place goes to a WebSocket between the negotiate and the long poll's handshake.
        await Open(site, "203.0.113.7");

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(connection)).StatusCode);
        (await http.PostAsync(connection, new StringContent(Handshake))).EnsureSuccessStatusCode();
        await Http.Eventually(async () => (await http.GetAsync(connection)).StatusCode, status => status == HttpStatusCode.NoContent, TimeSpan.FromSeconds(10));

        var warning = Assert.Single(sink.Events, e => e.Level >= LogEventLevel.Warning && e.MessageTemplate.Text.StartsWith("Circuit", StringComparison.Ordinal));
        Assert.StartsWith("Circuit cap reached", warning.MessageTemplate.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    /// <summary>Server-sent events cannot carry Blazor's binary protocol: such a connection cannot stay open, silent or not.</summary>
    [Fact]
    public async Task ServerSentEventsConnection_IsClosedAtTheHandshake()
    {
        using var factory = Site();
        var site = factory.StartOnRealPort();
        using var http = Client(site, "203.0.113.7");
        var connection = await Negotiated(http);
        using var listen = new HttpRequestMessage(HttpMethod.Get, connection);
        listen.Headers.Accept.ParseAdd("text/event-stream");
        using var events = await http.SendAsync(listen, HttpCompletionOption.ResponseHeadersRead);

        (await http.PostAsync(connection, new StringContent(Handshake))).EnsureSuccessStatusCode();
        var stream = await events.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("text/event-stream", events.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    public void Dispose()
    {
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
        content.Dispose();
    }

    private LoggedFactory Site(params (string Key, string Value)[] settings)
    {
        var factory = new LoggedFactory(content.Root, sink);
        foreach (var (key, value) in settings)
        {
            factory.WithSetting(key, value);
        }
        return factory;
    }

    private static HttpClient Client(Uri site, string client)
    {
        var http = new HttpClient { BaseAddress = site, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add(ClientHeader, client);
        return http;
    }

    /// <summary>The address of a negotiated connection, for the transports other than WebSockets.</summary>
    private static async Task<Uri> Negotiated(HttpClient http)
    {
        using var response = await http.PostAsync(new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
        using var negotiation = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return new Uri($"/_blazor?id={negotiation.RootElement.GetProperty("connectionToken").GetString()}", UriKind.Relative);
    }

    /// <summary>A connection that completed SignalR's handshake and was kept by the server.</summary>
    private async Task<ClientWebSocket> Open(Uri site, string client)
    {
        var socket = NewSocket(client);
        await socket.ConnectAsync(new Uri(site, "/_blazor").ToWebSocket(), CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes(Handshake), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        var buffer = new byte[64];
        var answer = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, answer.Count));
        return socket;
    }

    private async Task<bool> TryOpen(Uri site, string client)
    {
        try
        {
            await Open(site, client);
            return true;
        }
        catch (WebSocketException)
        {
            return false;
        }
    }

    /// <summary>The HTTP status of a WebSocket request the site refused before the upgrade.</summary>
    private async Task<HttpStatusCode> Refused(Uri site, string client)
    {
        var socket = NewSocket(client);
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(site, "/_blazor").ToWebSocket(), CancellationToken.None));
        return socket.HttpStatusCode;
    }

    private static async Task<HttpStatusCode> Negotiate(Uri site, string client)
    {
        using var http = new HttpClient { BaseAddress = site };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add(ClientHeader, client);
        return (await http.SendAsync(request)).StatusCode;
    }

    private ClientWebSocket NewSocket(string client)
    {
        var socket = new ClientWebSocket();
        // Silent means silent: not even the WebSocket keep-alive frames .NET sends by default.
        socket.Options.KeepAliveInterval = TimeSpan.Zero;
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.SetRequestHeader(ClientHeader, client);
        sockets.Add(socket);
        return socket;
    }

    /// <summary>Reads (the server's pings, if any) until the server closes the connection, or the time is up.</summary>
    private static async Task<bool> ReadUntilClosed(ClientWebSocket socket, TimeSpan within)
    {
        using var deadline = new CancellationTokenSource(within);
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, deadline.Token)).MessageType != WebSocketMessageType.Close)
            {
            }
            return true;
        }
        catch (WebSocketException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The site with a log to read, where each request comes from the address in <see cref="ClientHeader"/>.</summary>
    private sealed class LoggedFactory(string content, CollectingSink sink) : PerspectiefFactory(content)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton<ILogEventSink>(sink);
                services.AddSingleton<IStartupFilter>(new ClientFromHeader());
            });
        }
    }

    private sealed class ClientFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[ClientHeader], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }
                return following(context);
            });
            next(app);
        };
    }
}

internal static class WebSocketAddress
{
    public static Uri ToWebSocket(this Uri address) => new UriBuilder(address) { Scheme = address.Scheme == "https" ? "wss" : "ws" }.Uri;
}
