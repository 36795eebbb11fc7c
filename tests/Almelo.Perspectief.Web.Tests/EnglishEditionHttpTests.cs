using System.Net;
using System.Text.Json;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Downloads;
using Almelo.Perspectief.Web.Tests.Components;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// What an English edition adds at its own addresses (pictures) and to the shared ones (the JSON's labels, the island),
/// served from the reference nota with an English edition (<see cref="ReferenceNota.WithEnglish"/>).
/// </summary>
public sealed class EnglishEditionHttpTests(ReferenceSite site) : IClassFixture<ReferenceSite>, IDisposable
{
    private const string Nota = "/perspectiefnota-2026-2029";

    private readonly WebApplicationFactory<Program> english = site.Factory.WithWebHostBuilder(builder =>
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IContentSource>(new FixedContent(ReferenceNota.WithEnglish)))));

    public static readonly TheoryData<string, string, string> Pictures = new()
    {
        { "/grafiek/verdeling-besparing.svg", "image/svg+xml", "perspectiefnota-2026-2029-verdeling-besparing.en.svg" },
        { "/grafiek/groei-banen.png", "image/png", "perspectiefnota-2026-2029-groei-banen.en.png" },
        { "/deelafbeelding.png", "image/png", "perspectiefnota-2026-2029-deelafbeelding.en.png" },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public async Task EnglishPicture_EachAddress_OpensInTheBrowserWithAnEnglishName(string path, string type, string name)
    {
        using var response = await english.CreateClient().GetAsync(new Uri("/en" + Nota + path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name, response.Content.Headers.ContentDisposition?.FileName);
    }

    [Fact]
    public async Task EnglishChartSvg_HasEnglishWordsAndNumbers()
    {
        var svg = await english.CreateClient().GetStringAsync(new Uri("/en" + Nota + "/grafiek/groei-banen.svg", UriKind.Relative));
        var dutch = await site.Factory.CreateClient().GetStringAsync(new Uri(Nota + "/grafiek/groei-banen.svg", UriKind.Relative));

        Assert.Contains("Source: ", svg, StringComparison.Ordinal);
        Assert.Contains("Note: the axis starts at", svg, StringComparison.Ordinal);
        Assert.Contains("49,000", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("Bron: ", svg, StringComparison.Ordinal);
        Assert.Contains("Bron: ", dutch, StringComparison.Ordinal);
        Assert.Contains("49.000", dutch, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/grafiek/verdeling-besparing.svg")]
    [InlineData("/grafiek/verdeling-besparing.png")]
    [InlineData("/deelafbeelding.png")]
    public async Task EnglishPicture_PublicationWithoutEnglishEdition_IsNotFound(string path)
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri("/en" + Nota + path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task FiguresJson_WithEnglishEdition_KeepsTheDutchLabelAndAddsBoth()
    {
        using var json = JsonDocument.Parse(await english.CreateClient().GetStringAsync(new Uri(Nota + "/cijfers.json", UriKind.Relative)));

        Assert.All(json.RootElement.GetProperty("cijfers").EnumerateArray(), figure =>
        {
            var label = figure.GetProperty("label").GetString();
            Assert.Equal(label, figure.GetProperty("labels").GetProperty("nl").GetString());
            Assert.Equal("EN " + label, figure.GetProperty("labels").GetProperty("en").GetString());
        });
    }

    [Fact]
    public async Task FiguresJson_WithoutTranslation_HasNoLabels()
    {
        using var json = JsonDocument.Parse(await site.Factory.CreateClient().GetStringAsync(new Uri(Nota + "/cijfers.json", UriKind.Relative)));

        Assert.All(json.RootElement.GetProperty("cijfers").EnumerateArray(), figure => Assert.False(figure.TryGetProperty("labels", out _)));
    }

    [Fact]
    public async Task Island_English_ShowsTheEnglishEditionAndStartsItsOwnAddress()
    {
        var html = await english.CreateClient().GetStringAsync(new Uri($"/_eiland{Nota}/wetten?taal=en", UriKind.Relative));

        Assert.Contains("The laws in the social domain", html, StringComparison.Ordinal);
        Assert.Contains($"data-eiland=\"/_eiland{Nota}/wetten?taal=en\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("De wetten in het sociaal domein", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?taal=xx", true)]
    [InlineData("?taal=en", false)]
    public async Task Island_UnknownLanguageOrNoEnglishEdition_IsNotFound(string query, bool withEnglish)
    {
        var client = withEnglish ? english.CreateClient() : site.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/_eiland{Nota}/wetten{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void LinkedData_EnglishEdition_IsInEnglishWithTheEnglishPicture()
    {
        var json = LinkedData.Write(ReferenceNota.English, new DateOnly(2026, 11, 26), path => new Uri(new Uri("https://perspectief.example/"), path));

        using var document = JsonDocument.Parse(json);
        var graph = document.RootElement.GetProperty("@graph");
        Assert.All(graph.EnumerateArray(), node => Assert.Equal(SiteLanguage.English.Culture.Name, node.GetProperty("inLanguage").GetString()));
        Assert.Equal($"https://perspectief.example/en{Nota}/deelafbeelding.png", graph[0].GetProperty("image").GetString());
        Assert.StartsWith("Figures of the ", graph[1].GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => english.Dispose();
}
