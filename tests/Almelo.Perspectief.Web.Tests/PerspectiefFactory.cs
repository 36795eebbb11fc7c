using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Content;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The site in-process on a content folder of the test's choosing, on 26 November 2026 unless told otherwise: by
/// <c>now</c> (a fixed day, real timers) or by a <c>clock</c> that the test drives.
/// </summary>
public class PerspectiefFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Today = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public PerspectiefFactory(string contentPath, string? snapshotPath = null, DateTimeOffset? now = null, string environment = "Development", TimeProvider? clock = null)
    {
        ContentPath = contentPath;
        SnapshotPath = snapshotPath ?? Path.Combine(Path.GetTempPath(), "almelo-laatst-goed-test", Guid.NewGuid().ToString("N"));
        Clock = clock ?? new FixedClock(now ?? Today);
        Environment = environment;
    }

    public string ContentPath { get; }

    public string SnapshotPath { get; }

    public TimeProvider Clock { get; }

    private readonly Dictionary<string, string> settings = [];

    /// <summary>Starts the site on a free port of a real Kestrel server (for browsers and raw sockets) and returns its address.</summary>
    public Uri StartOnRealPort()
    {
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
    }

    /// <summary>One more configuration setting, as on the command line.</summary>
    public PerspectiefFactory WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public string Environment { get; }

    public ContentStore Store => Services.GetRequiredService<ContentStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        // The build output's static files (scripts, favicon, Chart.js), served as a publish would serve them: without
        // this, a host outside Development finds none of them and its pages are measured without scripts.
        builder.UseStaticWebAssets();
        builder.UseSetting("Content:Path", ContentPath);
        builder.UseSetting("Content:SnapshotPath", SnapshotPath);
        builder.UseSetting("Content:ReloadDelayMilliseconds", "100");
        // Tests make many requests from one address; the rate limit has its own test.
        builder.UseSetting("RateLimiting:Enabled", "false");
        // Production requires the public address; the test server's requests come to localhost.
        if (Environment == "Production")
        {
            builder.UseSetting("Site:BaseUrl", "https://localhost");
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }
}

/// <summary>Today is fixed; timers are real, so that content reloads still fire.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>One site on the reference content, shared by the tests of a class.</summary>
public sealed class ReferenceSite : IDisposable
{
    private readonly ContentFixture content = ContentFixture.Reference();

    public ReferenceSite() => Factory = new PerspectiefFactory(content.Root);

    public PerspectiefFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        content.Dispose();
    }
}
