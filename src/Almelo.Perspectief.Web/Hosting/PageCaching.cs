using System.IO.Compression;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// Pages and downloads are built once and kept in memory, compressed (brotli or gzip), until the content changes.
/// The cache holds them for at most a minute: the interactive island's prerendered descriptor is only valid for
/// five minutes, so a cached page must never be older than that.
/// </summary>
internal static class PageCaching
{
    public const string Policy = "inhoud";
    public const string Tag = "inhoud";

    public static void AddPageCaching(this IServiceCollection services)
    {
        services.AddOutputCache(options =>
        {
            // Publication addresses are lowercase; /Perspectiefnota-… is a 404, not a cached copy of the page.
            options.UseCaseSensitivePaths = true;
            options.AddPolicy(Policy, policy => policy
                .Expire(TimeSpan.FromMinutes(1))
                .SetVaryByHeader("Accept-Encoding")
                // Keyed on the content's version: the moment the store swaps content, no request gets the old page.
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "inhoud",
                    context.RequestServices.GetRequiredService<ContentStore>().State.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Tag(Tag));
        });
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/calendar", "text/csv", "application/xml", "image/svg+xml"]);
        });
        // Compressed once per content change (the result is cached), so take the smallest result.
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.SmallestSize);
        services.AddHostedService<EvictOnContentChange>();
    }

    /// <summary>A saved content change, valid or not, empties the cache, so that old versions do not take up memory.</summary>
    private sealed class EvictOnContentChange(ContentStore store, IOutputCacheStore cache) : IHostedService
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

        private void Evict(ContentState state) => cache.EvictByTagAsync(Tag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }
}
