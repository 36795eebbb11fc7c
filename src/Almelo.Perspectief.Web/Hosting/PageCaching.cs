using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.IO.Compression;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// Pages and downloads are the same for every reader, so shared caches (a CDN, nginx) may keep them: they are sent
/// with <c>Cache-Control: public</c>, a short lifetime and validators derived from the content version, and a
/// conditional request for an address that exists is answered with 304. In the app itself each response is built and
/// compressed once per content version and encoding and kept in memory (the output cache), whatever query string or
/// Accept-Encoding variant a request carries (<see cref="CanonicalRequests"/>).
/// </summary>
internal static partial class PageCaching
{
    public const string Policy = "inhoud";
    public const string Tag = "inhoud";

    public static void AddPageCaching(this IServiceCollection services)
    {
        services.AddOptions<CachingOptions>().BindConfiguration(CachingOptions.Section).ValidateSettings(CachingOptions.Section).ValidateOnStart();
        services.AddSingleton<ContentValidator>();
        services.AddOutputCache(options =>
        {
            // Publication addresses are lowercase; /Perspectiefnota-… is a 404, not a cached copy of the page. Other
            // letter case in a route's literal text is redirected before it gets here (CanonicalRequests).
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(Policy, policy => policy
                // An entry is keyed on its content version and day and emptied on every content change, so it is never
                // stale: it stays for the whole day its key can be asked for, and a reader after a quiet spell still
                // gets the stored copy instead of waiting for a render (the default lifetime is one minute).
                .Expire(TimeSpan.FromDays(1))
                // No page reads a query string: ?fbclid=… and utm_* get the one cached copy, not a new render.
                .SetVaryByQuery([])
                // The one encoding CanonicalRequests chose (br, gzip or none), not the header the client sent.
                .SetVaryByHeader(HeaderNames.AcceptEncoding)
                // Keyed on the validator (content version and day): the moment the store swaps content, no request gets the old page.
                .VaryByValue(context => new KeyValuePair<string, string>("inhoud", context.RequestServices.GetRequiredService<ContentValidator>().Current.ETag.Tag.ToString()))
                .Tag(Tag));
        });
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliByCost>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/calendar", "text/csv", "application/xml", "image/svg+xml"]);
        });
        // Cached responses are compressed once per content version; responses that are not cached (404s, errors) are
        // compressed per request, so never at the slowest setting, which costs a render's time again (docs/benchmarks.md).
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.AddHostedService<EvictOnContentChange>();
    }

    /// <summary>
    /// Marks endpoints whose 200 responses shared caches may keep (pages, downloads, sitemap, robots, security.txt).
    /// Never the island's connection (/_blazor): each is a different reader's, and the output cache would make a second
    /// WebSocket wait for the first one to end.
    /// </summary>
    public static TBuilder CacheForEveryone<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder route && route.RoutePattern.RawText?.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal) == true)
            {
                return;
            }
            endpoint.Metadata.Add(new OutputCacheAttribute { PolicyName = Policy });
            endpoint.Metadata.Add(SharedCacheable.Instance);
        });
        return builder;
    }

    /// <summary>
    /// The caching steps, in the one order that works. The encoding they key on is chosen earlier, before routing
    /// (<see cref="CanonicalRequests.UseChosenEncoding"/>), because static files pick their precompressed copy there.
    /// <list type="number">
    /// <item>Validators and 304s (<see cref="UseSharedCaching"/>): decided against the current content version before
    /// the output cache could answer a conditional request on its own terms.</item>
    /// <item>The output cache: one stored response per address, content version, day and encoding.</item>
    /// <item>Whole responses (<see cref="UseWholeResponses"/>): between the cache and compression, so that it runs only
    /// when a response is built and buffers the compressed bytes.</item>
    /// <item>Compression: inside the cache, so that a response is compressed once per content version, not per request.</item>
    /// </list>
    /// </summary>
    public static void UseContentCaching(this WebApplication app)
    {
        app.UseSharedCaching();
        app.UseOutputCache();
        app.UseWholeResponses();
        app.UseResponseCompression();
    }

    /// <summary>
    /// Validators, Cache-Control and 304s for the endpoints marked <see cref="CacheForEveryone"/>. A conditional request
    /// is decided here, against the current validators, and its headers are removed, so that neither the output cache
    /// nor a file result answers one on its own terms. The endpoint still runs (for a page, the output cache serves it
    /// from memory): only a resource that exists, a 200, becomes a 304, its body dropped. A missing address stays a 404,
    /// whatever validator the request brings.
    /// </summary>
    private static void UseSharedCaching(this WebApplication app)
    {
        var validator = app.Services.GetRequiredService<ContentValidator>();
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var cacheControl = app.Services.GetRequiredService<IOptions<CachingOptions>>().Value.CacheControl;
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsGet(context.Request.Method) || context.GetEndpoint()?.Metadata.GetMetadata<SharedCacheable>() is null)
            {
                await next(context);
                return;
            }
            var (etag, lastModified) = validator.Current;
            var unchanged = Unchanged(context.Request, etag, lastModified, clock.GetUtcNow());
            context.Request.Headers.Remove(HeaderNames.IfNoneMatch);
            context.Request.Headers.Remove(HeaderNames.IfModifiedSince);
            var response = context.Response;
            response.OnStarting(() =>
            {
                if (response.StatusCode == StatusCodes.Status200OK)
                {
                    Validate(response, etag, lastModified, cacheControl);
                }
                return Task.CompletedTask;
            });
            if (!unchanged)
            {
                await next(context);
                return;
            }
            var body = response.Body;
            var gate = new NotModifiedGate(response, body, () => Validate(response, etag, lastModified, cacheControl));
            response.Body = gate;
            try
            {
                await next(context);
                gate.Finish();
            }
            finally
            {
                response.Body = body;
            }
        });
    }

    /// <summary>
    /// RFC 9110 §13.1.2 and §13.1.3: If-None-Match wins over If-Modified-Since; <c>*</c> matches any current
    /// representation (whether there is one, the endpoint decides); a date that is invalid or later than now is ignored.
    /// </summary>
    private static bool Unchanged(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset lastModified, DateTimeOffset now)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch.Count > 0)
        {
            return headers.IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false));
        }
        return headers.IfModifiedSince is { } since && since <= now && since >= lastModified;
    }

    /// <summary>
    /// A page or download that the output cache has not kept yet is written whole, with a Content-Length, instead of in
    /// chunks: a shared cache (nginx) keeps a response as it came, and serves a chunked one in chunks on every hit. Goes
    /// between the output cache and compression, so that it runs only when a response is built (once per content
    /// version) and buffers the compressed bytes.
    /// </summary>
    private static void UseWholeResponses(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<SharedCacheable>() is null)
        {
            await next(context);
            return;
        }
        var body = context.Response.Body;
        using var whole = new MemoryStream();
        context.Response.Body = whole;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = body;
        }
        // Only what caches keep: a 404 without a body must stay open for the "not found" page (status code pages).
        if (context.Response.StatusCode == StatusCodes.Status200OK)
        {
            context.Response.ContentLength = whole.Length;
        }
        whole.Position = 0;
        await whole.CopyToAsync(body, context.RequestAborted);
    });

    private static void Validate(HttpResponse response, EntityTagHeaderValue etag, DateTimeOffset lastModified, string cacheControl)
    {
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = lastModified;
        response.Headers.CacheControl = cacheControl;
        response.Headers.Pragma = default;
        response.Headers.Expires = default;
        response.Headers.Vary = HeaderNames.AcceptEncoding;
    }

    /// <summary>
    /// Brotli at the smallest size (quality 11) for a page the output cache keeps: it is compressed once per content
    /// version, and the publication page then arrives in TCP's first flight on a phone's first visit (about 13 KB
    /// against 14.4 KB at quality 5; docs/benchmarks.md). Everything else (a 404, an error, a download of megabytes) is
    /// compressed per request or is large, so at quality 5 rather than 4 (<see cref="CompressionLevel.Optimal"/>): about
    /// as fast, and smaller.
    /// </summary>
    private sealed class BrotliByCost(IHttpContextAccessor accessor) : ICompressionProvider
    {
        public string EncodingName => "br";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) =>
            new BrotliStream(outputStream, new BrotliCompressionOptions { Quality = CachedPage(accessor.HttpContext) ? 11 : 5 }, leaveOpen: true);

        private static bool CachedPage(HttpContext? context) =>
            context is { Response.StatusCode: StatusCodes.Status200OK }
            && context.GetEndpoint()?.Metadata.GetMetadata<SharedCacheable>() is not null
            && context.Response.ContentType?.StartsWith("text/html", StringComparison.Ordinal) == true;
    }

    private sealed class SharedCacheable
    {
        public static readonly SharedCacheable Instance = new();
    }

    /// <summary>
    /// The body of a response to a request whose validator matches. At its first write or flush, or at the end, the
    /// status is known: for a 200 what the endpoint (or the output cache) writes is dropped, and the response becomes a
    /// bodiless 304 with the validators; anything else (a 404) passes through unchanged.
    /// </summary>
    private sealed class NotModifiedGate(HttpResponse response, Stream inner, Action validate) : Stream
    {
        /// <summary>Representation headers of the 200 that a 304 does not repeat (RFC 9110 §15.4.5).</summary>
        private static readonly string[] BodyHeaders =
            [HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.ContentEncoding, HeaderNames.ContentDisposition, HeaderNames.ContentLanguage, HeaderNames.ContentRange];

        private bool? notModified;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>
        /// Whether the response is a 304 and its body dropped, decided once, when the status is final. The status itself
        /// changes only in <see cref="Finish"/>: until then the output cache sees the 200 it may keep for the next reader.
        /// </summary>
        private bool NotModified => notModified ??= response.StatusCode == StatusCodes.Status200OK;

        public void Finish()
        {
            if (!NotModified)
            {
                return;
            }
            response.StatusCode = StatusCodes.Status304NotModified;
            foreach (var header in BodyHeaders)
            {
                response.Headers.Remove(header);
            }
            validate();
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (!NotModified)
            {
                inner.Write(buffer, offset, count);
            }
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            NotModified ? ValueTask.CompletedTask : inner.WriteAsync(buffer, cancellationToken);

        public override void Flush()
        {
            if (!NotModified)
            {
                inner.Flush();
            }
        }

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            NotModified ? Task.CompletedTask : inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    /// <summary>
    /// A saved content change, valid or not, empties the cache, so that old versions do not take up memory. The store's
    /// reload does not wait for it: no reader gets an old entry meanwhile, because every entry is keyed on its content
    /// version, and an eviction that fails is logged and leaves only the memory to the entries' own expiry.
    /// </summary>
    private sealed partial class EvictOnContentChange(ContentStore store, IOutputCacheStore cache, ILogger<EvictOnContentChange> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            store.StateChanged += Evict;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            store.StateChanged -= Evict;
            return Task.CompletedTask;
        }

        private void Evict(ContentState state) => _ = EvictAsync();

        private async Task EvictAsync()
        {
            try
            {
                await cache.EvictByTagAsync(Tag, CancellationToken.None);
            }
#pragma warning disable CA1031 // Nothing waits for this task: an exception that escaped it would go unseen.
            catch (Exception e)
#pragma warning restore CA1031
            {
                EvictionFailed(logger, e);
            }
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "Emptying the page cache after a content change failed; old versions stay in memory until they expire")]
        private static partial void EvictionFailed(ILogger logger, Exception exception);
    }
}

/// <summary>
/// The validator of everything the content decides: a new one for every content version the store serves and for
/// every new day in Almelo (pages say which meetings have passed). It names this process too, so that two instances
/// that both count from 1 never hand out the same validator for different content.
/// </summary>
internal sealed class ContentValidator(ContentStore store, TimeProvider clock)
{
    private static readonly string Instance = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));
    private Snapshot current = new(-1, default, EntityTagHeaderValue.Any, default);

    public (EntityTagHeaderValue ETag, DateTimeOffset LastModified) Current
    {
        get
        {
            var version = store.State.Version;
            var day = clock.Today();
            var seen = current;
            if (seen.Version != version || seen.Day != day)
            {
                var now = clock.GetUtcNow();
                // HTTP dates have whole seconds; a later version never gets an earlier date.
                var modified = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
                seen = new Snapshot(version, day, new EntityTagHeaderValue($"\"{Instance}-{version.ToString(CultureInfo.InvariantCulture)}-{day:yyyyMMdd}\"", isWeak: true), modified);
                current = seen;
            }
            return (seen.ETag, seen.LastModified);
        }
    }

    private sealed record Snapshot(long Version, DateOnly Day, EntityTagHeaderValue ETag, DateTimeOffset LastModified);
}

/// <summary>How long shared caches and browsers may keep pages and downloads (section <c>Caching</c>); see docs/deployment.md.</summary>
internal sealed class CachingOptions
{
    public const string Section = "Caching";

    /// <summary>Seconds a cache may serve a response without asking the site: the longest an edit takes to show.</summary>
    [Range(30, 3600)]
    public int MaxAgeSeconds { get; set; } = 30;

    /// <summary>Seconds after that a cache may still serve it while it fetches a new one in the background.</summary>
    [Range(0, 86_400)]
    public int StaleWhileRevalidateSeconds { get; set; } = 30;

    /// <summary>Seconds a cache may serve it when the site is down or answers with an error.</summary>
    [Range(0, 7 * 86_400)]
    public int StaleIfErrorSeconds { get; set; } = 86_400;

    public string CacheControl => string.Create(
        CultureInfo.InvariantCulture,
        $"public, max-age={MaxAgeSeconds}, stale-while-revalidate={StaleWhileRevalidateSeconds}, stale-if-error={StaleIfErrorSeconds}");
}
