using Almelo.Perspectief.Content.Tests;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>A content change empties the page cache without the store waiting for it.</summary>
public sealed class CacheEvictionTests
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";

    /// <summary>A reload blocked by the cache would take as long as the cache does: forever, here.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task EvictOnContentChange_CacheThatNeverAnswers_DoesNotHoldUpTheReload()
    {
        using var content = ContentFixture.Reference();
        using var factory = new CacheFactory(content.Root, new CacheStore(_ => new TaskCompletionSource().Task), new CollectingSink());
        var before = factory.Store.State.Version;
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49500");

        await Task.Run(factory.Store.Reload).WaitAsync(Deadline);

        Assert.True(factory.Store.State.Version > before);
    }

    [Fact]
    public async Task EvictOnContentChange_EvictionFails_IsLoggedAsAWarningAndTheReloadGoesOn()
    {
        using var content = ContentFixture.Reference();
        var sink = new CollectingSink();
        using var factory = new CacheFactory(content.Root, new CacheStore(_ => throw new InvalidOperationException("cache weg")), sink);
        var before = factory.Store.State.Version;
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 49500");

        await Task.Run(factory.Store.Reload).WaitAsync(Deadline);

        Assert.True(factory.Store.State.Version > before);
        var warning = await Http.Eventually(
            () => Task.FromResult(sink.Events.FirstOrDefault(e => e.Exception?.Message == "cache weg")),
            e => e is not null,
            Deadline);
        Assert.Equal(LogEventLevel.Warning, warning!.Level);
    }

    /// <summary>The site with the given cache store; no reload but the test's own (the watcher's comes after the test).</summary>
    private sealed class CacheFactory(string content, IOutputCacheStore cache, ILogEventSink sink) : PerspectiefFactory(content)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Content:ReloadDelayMilliseconds", "10000");
            builder.UseSetting("Content:PollSeconds", "3600");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton(cache);
                services.AddSingleton(sink);
            });
        }
    }

    /// <summary>Keeps nothing; evicting does what the test says.</summary>
    private sealed class CacheStore(Func<string, Task> evict) : IOutputCacheStore
    {
        public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) => new(evict(tag));

        public ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken) => ValueTask.FromResult<byte[]?>(null);

        public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
