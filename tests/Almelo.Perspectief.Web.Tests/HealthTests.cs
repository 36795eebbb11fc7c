using System.Net;
using System.Text.Json;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>/health is public: it says how the content stands, in counts; the located texts quote unpublished content.</summary>
public sealed class HealthTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";

    private readonly ContentFixture content = ContentFixture.Reference();

    [Fact]
    public async Task Health_InProduction_GivesTheStatusAndCounts_ButNoErrorOrWarningTexts()
    {
        using var factory = new PerspectiefFactory(content.Root, environment: "Production").WithSetting("Https:Redirect", "false");
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative));

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();
        var health = await client.Health();
        Assert.Equal("Degraded", health.Status());

        var data = health.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data");
        Assert.Equal(1, data.GetProperty("errorCount").GetInt32());
        Assert.Equal(1, data.GetProperty("warningCount").GetInt32());
        Assert.Equal(1, data.GetProperty("publicationCount").GetInt32());
        Assert.Equal(JsonValueKind.String, data.GetProperty("loadedAt").ValueKind);
        Assert.False(data.TryGetProperty("errors", out _));
        Assert.False(data.TryGetProperty("warnings", out _));
        var text = health.RootElement.GetRawText();
        Assert.DoesNotContain("cijfers.json", text, StringComparison.Ordinal);
        Assert.DoesNotContain("banen-2024", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vergaderingen", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_WithDetailsOn_ListsTheLocatedErrors()
    {
        using var factory = new PerspectiefFactory(content.Root, environment: "Production")
            .WithSetting("Https:Redirect", "false")
            .WithSetting("Health:Details", "true");
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative));

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();
        var health = await client.Health();
        Assert.Equal("Degraded", health.Status());

        Assert.StartsWith($"{Cijfers}:{content.LineOf(Cijfers, "-49000")}:7: ", Assert.Single(health.ContentErrors()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_InDevelopment_ListsTheLocatedErrorsByDefault()
    {
        using var factory = new PerspectiefFactory(content.Root);

        var response = await factory.CreateClient().GetAsync(new Uri("/health", UriKind.Relative));
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(health.ContentErrors());
        Assert.Equal([ContentFixture.Slug], health.RootElement.GetProperty("checks").GetProperty("content").GetProperty("data").GetProperty("publications").EnumerateArray().Select(p => p.GetString()));
    }

    /// <summary>The shipped content: the last meeting is on 10 July 2025 and no outcome is recorded.</summary>
    private static readonly DateOnly LastMeeting = new(2025, 7, 10);

    [Theory]
    [InlineData(30, 30, HttpStatusCode.OK, "Healthy")]
    [InlineData(31, 30, HttpStatusCode.ServiceUnavailable, "Degraded")]
    [InlineData(31, 40, HttpStatusCode.OK, "Healthy")]
    public async Task HealthContent_DaysAfterTheLastMeetingWithoutOutcome_503OnceOverTheSetting(int daysLater, int staleAfterDays, HttpStatusCode expected, string status)
    {
        var now = new DateTimeOffset(LastMeeting.AddDays(daysLater), new TimeOnly(12, 0), TimeSpan.Zero);
        using var factory = new PerspectiefFactory(content.Root, environment: "Production", now: now)
            .WithSetting("Https:Redirect", "false")
            .WithSetting("Health:StaleAfterDays", staleAfterDays.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/health/inhoud", UriKind.Relative));
        using var health = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(status, health.Status());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        // The site stays in service: /health and /health/live still answer 200, and /health keeps its own status.
        Assert.Equal("Healthy", (await client.Health()).Status());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/live", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative))).StatusCode);
        var description = health.RootElement.GetProperty("checks").GetProperty("besluit").GetProperty("description").GetString()!;
        if (expected == HttpStatusCode.ServiceUnavailable)
        {
            Assert.Equal($"De laatste vergadering over 'Perspectiefnota 2026-2029' is {daysLater} dagen voorbij, maar er staat niet wat de raad besloot. Zet het besluit op de pagina: zie de inhoudsgids, hoofdstuk \"Na het raadsbesluit\".", description);
        }
    }

    [Fact]
    public async Task HealthContent_OutcomeRecorded_HealthyLongAfterTheMeeting()
    {
        using var decided = ContentFixture.WithOutcome();
        using var factory = new PerspectiefFactory(decided.Root, environment: "Production").WithSetting("Https:Redirect", "false");

        var response = await factory.CreateClient().GetAsync(new Uri("/health/inhoud", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthContent_ContentErrors_503WhileTheSiteServesTheLastGoodVersion()
    {
        using var factory = new PerspectiefFactory(content.Root, environment: "Production", now: new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero))
            .WithSetting("Https:Redirect", "false");
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/" + ContentFixture.Slug, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health/inhoud", UriKind.Relative))).StatusCode);

        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": -49000");
        factory.Store.Reload();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync(new Uri("/health/inhoud", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
    }

    public void Dispose() => content.Dispose();
}
