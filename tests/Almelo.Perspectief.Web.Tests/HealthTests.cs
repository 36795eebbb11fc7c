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

    public void Dispose() => content.Dispose();
}
