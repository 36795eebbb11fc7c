using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>Defence in depth: markup that validation rejects is also never rendered, should it ever get that far.</summary>
public sealed class SanitizingTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("Tekst <img src=x onerror=alert(1)> meer")]
    [InlineData("[klik](javascript:alert(1))")]
    [InlineData("[klik](JaVaScRiPt:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">klik</a>")]
    [InlineData("<iframe src=\"https://example.org\"></iframe>")]
    [InlineData("[plaatje](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)")]
    public void Read_HostileMarkdown_IsReportedAndNeverRendered(string hostile)
    {
        var errors = new List<ContentError>();

        var sections = SectionTextReader.Read($"## Kop {{#kop}}\n\n{hostile}\n", "x/tekst.md", 2025, _ => null, TextFormat.Dutch, [], new KnownIds(new HashSet<string>(), new HashSet<string>()), new HashSet<string>(), null, errors);

        Assert.NotEmpty(errors);
        Assert.NotNull(sections);
        var html = Assert.Single(sections).Html;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("data:text/html", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_OrdinaryMarkdown_KeepsLinksEmphasisAndLists()
    {
        var errors = new List<ContentError>();

        var sections = SectionTextReader.Read("## Kop {#kop}\n\nZie [de nota](https://almelo2025.perspectiefnota.nl/) en **dit**:\n\n- een\n- twee\n", "x/tekst.md", 2025, _ => null, TextFormat.Dutch, [], new KnownIds(new HashSet<string>(), new HashSet<string>()), new HashSet<string>(), null, errors);

        Assert.Empty(errors);
        Assert.NotNull(sections);
        Assert.Equal(
            "<p>Zie <a href=\"https://almelo2025.perspectiefnota.nl/\">de nota</a> en <strong>dit</strong>:</p>\n<ul>\n<li>een</li>\n<li>twee</li>\n</ul>\n",
            sections[0].Html);
    }
}

/// <summary>A new folder is a new publication: no code change.</summary>
public sealed class PublicationsTests : IDisposable
{
    private readonly ContentFixture content = ContentFixture.Reference();

    [Fact]
    public void Load_SecondFolder_IsASecondPublication_ListedNewestFirst()
    {
        using var extra = ContentFixture.FromFixture("kort-nieuws");
        Directory.Move(extra.Root, content.PathOf("kort-nieuws"));

        var result = ContentLoader.Load(content.Root);

        Assert.Empty(result.Errors);
        Assert.Equal(["kort-nieuws", ContentFixture.Slug], result.Snapshot!.NewestFirst.Select(p => p.Slug));
        Assert.Equal("nieuws", Assert.Single(result.Snapshot.Find("kort-nieuws")!.Sections).Id);
    }

    [Fact]
    public void Load_BrokenSecondPublication_KeepsNoPartialSnapshot()
    {
        content.Write("kort-nieuws/publicatie.json", "{ \"titel\": \"Kort\" }");
        content.Write("kort-nieuws/tekst.md", "## Kop {#kop}\n\nTekst.\n");

        var result = ContentLoader.Load(content.Root);

        Assert.Null(result.Snapshot);
        Assert.All(result.Errors, e => Assert.StartsWith("kort-nieuws/publicatie.json:", e.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Load_EmptyFolder_SaysThereIsNoPublication()
    {
        var empty = Directory.CreateDirectory(content.PathOf("leeg-" + Guid.NewGuid().ToString("N")[..6])).FullName;

        var result = ContentLoader.Load(empty);

        Assert.Equal("Er staat geen publicatie in de inhoudsmap. Maak per publicatie een map met publicatie.json en tekst.md.", Assert.Single(result.Errors).Message);
    }

    public void Dispose() => content.Dispose();
}
