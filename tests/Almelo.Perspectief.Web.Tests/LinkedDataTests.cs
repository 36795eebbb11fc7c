using System.Text.Json;
using Almelo.Perspectief.Web.Downloads;
using Almelo.Perspectief.Web.Tests.Components;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The JSON-LD for search engines: an Article and a Dataset with the downloads, and no way for content to end the script.</summary>
public sealed class LinkedDataTests
{
    private static readonly Uri Base = new("https://perspectief.almelo.nl/");

    private static JsonElement Graph(string json) => JsonDocument.Parse(json).RootElement.GetProperty("@graph");

    [Fact]
    public void Write_DescribesThePageAsArticleAndItsFiguresAsDataset()
    {
        var graph = Graph(LinkedData.Write(ReferenceNota.Publication, ReferenceNota.Publication.Date, path => new Uri(Base, path)));

        var article = graph[0];
        Assert.Equal("Article", article.GetProperty("@type").GetString());
        Assert.Equal("https://perspectief.almelo.nl/perspectiefnota-2026-2029", article.GetProperty("url").GetString());
        Assert.Equal("Perspectiefnota 2026-2029", article.GetProperty("headline").GetString());
        Assert.Equal("2025-05-28", article.GetProperty("datePublished").GetString());
        var dataset = graph[1];
        Assert.Equal("Dataset", dataset.GetProperty("@type").GetString());
        Assert.Equal(
            ["https://perspectief.almelo.nl/perspectiefnota-2026-2029/cijfers.csv", "https://perspectief.almelo.nl/perspectiefnota-2026-2029/cijfers.json"],
            dataset.GetProperty("distribution").EnumerateArray().Select(d => d.GetProperty("contentUrl").GetString()));
    }

    [Fact]
    public void Write_WithoutADeclaredLicence_NamesNoneAndLinksTheGemeente()
    {
        var graph = Graph(LinkedData.Write(ReferenceNota.Publication, ReferenceNota.Publication.Date, path => new Uri(Base, path)));

        Assert.False(graph[1].TryGetProperty("license", out _));
        Assert.Equal("https://www.almelo.nl/", graph[0].GetProperty("publisher").GetProperty("url").GetString());
        Assert.Equal("https://www.almelo.nl/", graph[1].GetProperty("creator").GetProperty("url").GetString());
    }

    [Fact]
    public void Write_WithADeclaredLicence_NamesItForTheDataset()
    {
        var publication = ReferenceNota.Publication with { License = new("CC0 1.0", new Uri("https://creativecommons.org/publicdomain/zero/1.0/")) };

        var graph = Graph(LinkedData.Write(publication, publication.Date, path => new Uri(Base, path)));

        Assert.Equal("https://creativecommons.org/publicdomain/zero/1.0/", graph[1].GetProperty("license").GetString());
    }

    [Fact]
    public void Write_TitleThatClosesAScript_IsEscaped()
    {
        var json = LinkedData.Write(ReferenceNota.Publication with { Title = "</script><script>alert(1)</script>" }, ReferenceNota.Publication.Date, path => new Uri(Base, path));

        Assert.DoesNotContain("</script>", json, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("</script><script>alert(1)</script>", Graph(json)[0].GetProperty("headline").GetString());
    }
}
