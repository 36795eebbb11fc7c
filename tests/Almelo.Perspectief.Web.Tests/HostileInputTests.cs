using System.Net;
using System.Net.Sockets;
using System.Text;
using Almelo.Perspectief.Content.Tests;
using Xunit.Abstractions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// Thousands of hostile requests against the site on a real Kestrel port: none may get a 5xx, and none may return
/// a file from outside what the site serves.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private const string Nota = "/perspectiefnota-2026-2029";

    /// <summary>Text that only appears in files the site must never serve.</summary>
    private static readonly string[] LeakMarkers =
    [
        "root:x:0:0", "\"Serilog\"", "<Project Sdk", "WebApplication.CreateBuilder", "\"$schema\": \"../", "## Vertrouwen in de toekomst {#",
        "\"SecurityContact\"", "DataProtection", "BEGIN RSA", "<key id=",
    ];

    private readonly ContentFixture content = ContentFixture.Reference();

    public static IEnumerable<string> HostilePaths()
    {
        string[] traversals =
        [
            "../", "..\\", "%2e%2e/", "%2e%2e%2f", "..%2f", "%2e%2e%5c", "..%5c", "%252e%252e%252f", "..%c0%af", "%c0%ae%c0%ae/",
            "..%u2215", "....//", ".%2e/", "%2e./", "..;/", "%ef%bc%8e%ef%bc%8e/", "..%00/", "%2e%2e%2f%2e%2e%2f", "/..", "..%255c",
        ];
        string[] targets =
        [
            "etc/passwd", "appsettings.json", "Program.cs", "Almelo.Perspectief.Web.csproj", "content/perspectiefnota-2026-2029/tekst.md",
            "perspectiefnota-2026-2029/publicatie.json", "Almelo.Perspectief.Web.dll", "keys/key.xml",
        ];
        string[] prefixes = ["/", Nota + "/", Nota + "/bronnen/", "/_content/MudBlazor/", "/lib/chart.js/", "/_framework/", "/schema/"];
        foreach (var prefix in prefixes)
        {
            foreach (var traversal in traversals)
            {
                foreach (var target in targets)
                {
                    yield return prefix + traversal + target;
                    yield return prefix + string.Concat(Enumerable.Repeat(traversal, 4)) + target;
                }
            }
        }
        foreach (var slug in new[] { "Perspectiefnota-2026-2029", "perspectiefnota 2026", "perspectiefnota%202026", "perspectief%00nota", "%ff%fe%fd", "%c3%28", "%e2%82", "perspectiefnota-2026-2029%2f..%2f..%2fetc%2fpasswd", "😀", "%F0%9F%98%80", "-", "--", "a-", "con", "aux", "nul", "%20", "%", "%%", "%zz", "x".PadRight(300, 'x') })
        {
            yield return "/" + slug;
            yield return "/" + slug + "/cijfers.csv";
            yield return "/" + slug + "/vergaderingen/x.ics";
        }
        yield return "/" + new string('a', 7_000);
        yield return "/" + string.Concat(Enumerable.Repeat("a/", 3_000));
        yield return Nota + "?" + new string('q', 7_000);
        yield return Nota + "?wet=" + string.Concat(Enumerable.Repeat("%ff", 500));
        yield return Nota + "?<script>alert(1)</script>";
        yield return Nota + "#<script>";
    }

    [Fact]
    public async Task HostileRequests_NeverGetA5xx_AndNeverLeakAFile()
    {
        using var factory = new PerspectiefFactory(content.Root);
        var address = factory.StartOnRealPort();
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = 16 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        var requests = new List<Func<Task<HttpResponseMessage>>>();
        foreach (var path in HostilePaths())
        {
            // Sent as written: without this option, the client would remove "../" before the server ever saw it.
            var uri = new Uri(address.GetLeftPart(UriPartial.Authority) + path, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
            requests.Add(() => client.SendAsync(new HttpRequestMessage(HttpMethod.Get, uri)));
        }
        foreach (var method in new[] { "POST", "PUT", "DELETE", "PATCH", "TRACE", "OPTIONS", "PROPFIND", "MKCOL", "CONNECTX", "HEAD", "FOO" })
        {
            foreach (var path in new[] { "/", Nota, Nota + "/cijfers.csv", "/health", "/_blazor", "/_blazor/negotiate", "/js/site.js" })
            {
                requests.Add(() => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "HEAD" or "TRACE" ? null : new StringContent(new string('x', 100_000)) }));
            }
        }
        foreach (var size in new[] { 9_000, 40_000, 100_000 })
        {
            requests.Add(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, Nota);
                request.Headers.TryAddWithoutValidation("X-Groot", new string('h', size));
                return client.SendAsync(request);
            });
        }
        requests.Add(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Nota);
            for (var i = 0; i < 120; i++)
            {
                request.Headers.TryAddWithoutValidation($"X-Kop-{i}", "waarde");
            }
            return client.SendAsync(request);
        });
        requests.Add(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, Nota);
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", "1.2.3.4, <script>, ../../etc");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", "br;q=abc, *;q=-1, gzip;q=999999999999");
            request.Headers.TryAddWithoutValidation("Host", "evil.example:99999");
            return client.SendAsync(request);
        });

        var failures = new List<string>();
        var closed = 0;
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(requests.Select(async send =>
        {
            await gate.WaitAsync();
            try
            {
                HttpResponseMessage response;
                try
                {
                    response = await send();
                }
                catch (HttpRequestException)
                {
                    // Kestrel may refuse a request (an oversized body, say) by closing the connection: no answer, no leak.
                    Interlocked.Increment(ref closed);
                    return;
                }
                using var _ = response;
                var body = await response.Content.ReadAsStringAsync();
                var path = response.RequestMessage!.RequestUri!.PathAndQuery;
                if ((int)response.StatusCode >= 500 || LeakMarkers.Any(m => body.Contains(m, StringComparison.Ordinal)))
                {
                    lock (failures)
                    {
                        failures.Add($"{(int)response.StatusCode} {response.RequestMessage.Method} {path[..Math.Min(path.Length, 120)]}");
                    }
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        var raw = await RawRequests(address);
        output.WriteLine($"{requests.Count} hostile HTTP requests ({closed} refused by closing the connection) and {raw.Count} malformed raw requests sent; {failures.Count} failures.");
        Assert.True(closed < requests.Count / 10, $"{closed} requests got no answer at all");
        Assert.True(requests.Count + raw.Count >= 2_000, $"only {requests.Count + raw.Count} hostile requests");
        Assert.Empty(failures);
        // 505 is HTTP's own answer to "HTTP/9.9" (Kestrel gives it before the site is involved): a refusal, not a failure.
        Assert.All(raw, status => Assert.True(status is null or < 500 or 505, $"raw request got {status}"));
        Assert.Equal(11, raw.Count(status => status is null or < 500));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Nota)).StatusCode);
    }

    /// <summary>Requests no HTTP client would send: bytes that are not valid UTF-8, NULs, broken request lines.</summary>
    private static async Task<List<int?>> RawRequests(Uri address)
    {
        byte[][] requests =
        [
            Encoding.Latin1.GetBytes("GET /\xff\xfe\xfd HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.Latin1.GetBytes("GET /perspectiefnota-2026-2029\x00/../ HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.Latin1.GetBytes("GET /\xc0\xae\xc0\xae/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET /\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nGeen dubbele punt\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET ../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.ASCII.GetBytes("GET http://evil.example/../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n"),
            Encoding.Latin1.GetBytes("GET / HTTP/1.1\r\nHost: x\r\nX-Bad: \x00\x01\x02\r\n\r\n"),
            Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n"),
            Encoding.ASCII.GetBytes("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\nzz\r\n"),
            Encoding.ASCII.GetBytes("\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03"),
        ];
        var statuses = new List<int?>();
        foreach (var request in requests)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync(address.Host, address.Port);
            var stream = socket.GetStream();
            await stream.WriteAsync(request);
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            int read;
            try
            {
                read = await stream.ReadAsync(buffer, timeout.Token);
            }
            catch (Exception e) when (e is IOException or OperationCanceledException)
            {
                read = 0;
            }
            var head = Encoding.Latin1.GetString(buffer, 0, read);
            statuses.Add(head.StartsWith("HTTP/1.1 ", StringComparison.Ordinal) ? int.Parse(head.AsSpan(9, 3), System.Globalization.CultureInfo.InvariantCulture) : null);
        }
        return statuses;
    }

    public void Dispose() => content.Dispose();
}
