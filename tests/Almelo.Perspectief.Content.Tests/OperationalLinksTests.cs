using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>Links in the content to the addresses the site keeps for itself: which ones count, and where the warning points.</summary>
public sealed class OperationalLinksTests
{
    private const string Site = "perspectief.almelo.nl";
    private const string Text = ContentFixture.Slug + "/tekst.md";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";

    private const string Links =
        "Zie [a](/health) en [b](https://perspectief.almelo.nl/health/live) en <https://perspectief.almelo.nl/_blazor/initializers> " +
        "en [c](/fout) en [d](/niet-gevonden#kop) en [e](/_eiland/x/wetten) en [f](/HEALTH) en [g](/privacy/../health) " +
        "en [goed](/privacy) en [ook goed](/perspectiefnota-2026-2029#cijfers) en [elders](https://www.almelo.nl/health).";

    [Theory]
    [InlineData("/health")]
    [InlineData("/health/")]
    [InlineData("/health/live")]
    [InlineData("/Health")]
    [InlineData("/%68ealth")]
    [InlineData("/x/../health")]
    [InlineData("/_blazor")]
    [InlineData("/_blazor/initializers")]
    [InlineData("/_eiland/perspectiefnota-2026-2029/wetten")]
    [InlineData("/fout")]
    [InlineData("/niet-gevonden")]
    public void IsOperational_ARouteOfTheSiteItself_IsTrue(string path) => Assert.True(SiteRoutes.IsOperational(path));

    [Theory]
    [InlineData("/")]
    [InlineData("/healthy")]
    [InlineData("/fouten")]
    [InlineData("/privacy")]
    [InlineData("/perspectiefnota-2026-2029")]
    [InlineData("/lib/health")]
    [InlineData("/health/../privacy")]
    public void IsOperational_APageOrFile_IsFalse(string path) => Assert.False(SiteRoutes.IsOperational(path));

    [Fact]
    public void ReservedFolders_IncludeEveryOperationalRoute() =>
        Assert.Superset(new HashSet<string>(SiteRoutes.Operational, StringComparer.Ordinal), ContentLoader.ReservedFolders.ToHashSet(StringComparer.Ordinal));

    [Fact]
    public void In_ReferenceContent_FindsNothing() =>
        Assert.Empty(OperationalLinks.In(ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!, Site));

    [Fact]
    public void In_TextLinksToTheSitesOwnRoutes_WarnsAtEachLink()
    {
        using var content = ContentFixture.Reference().Replace(Text, "De andere hebben wij zelf berekend.", "De andere hebben wij zelf berekend.\n\n" + Links);
        var line = content.LineOf(Text, "Zie [a]");

        var warnings = OperationalLinks.In(ContentLoader.Load(content.Root).Snapshot!, Site);

        Assert.Equal(
            new[] { "[a]", "[b]", "<https://perspectief.almelo.nl/_blazor", "[c]", "[d]", "[e]", "[f]", "[g]" }.Select(link => $"{Text}:{line}:{Links.IndexOf(link, StringComparison.Ordinal) + 1}"),
            warnings.Select(w => w.Location.ToString()));
        Assert.Contains("'/niet-gevonden#kop' gaat naar /niet-gevonden:", warnings[4].Message, StringComparison.Ordinal);
        Assert.All(warnings, w => Assert.StartsWith($"{ContentWarning.Prefix}{Text}:", w.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void In_SiteHostUnknown_CountsAFullAddressOnAnyHost()
    {
        using var content = ContentFixture.Reference().Replace(Text, "De andere hebben wij zelf berekend.", "De andere hebben wij zelf berekend.\n\n" + Links);

        var warnings = OperationalLinks.In(ContentLoader.Load(content.Root).Snapshot!, siteHost: null);

        Assert.Equal(9, warnings.Count);
        Assert.Contains("'https://www.almelo.nl/health'", warnings[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_JsonAddressOfTheSitesOwnRoute_WarnsAtItsField()
    {
        using var content = ContentFixture.Reference().Replace(Publicatie, "\"url\": \"https://www.almelo.nl/\"", "\"url\": \"https://perspectief.almelo.nl/health\"");
        var line = content.LineOf(Publicatie, "perspectief.almelo.nl/health");
        var column = File.ReadAllLines(content.PathOf(Publicatie))[line - 1].IndexOf("\"url\"", StringComparison.Ordinal) + 1;

        var warning = Assert.Single(OperationalLinks.In(ContentLoader.Load(content.Root).Snapshot!, Site));

        Assert.Equal(new ContentLocation(Publicatie, line, column), warning.Location);
        Assert.Contains("'https://perspectief.almelo.nl/health' gaat naar /health", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_JsonTextThatIsAPathOnly_IsNoLink()
    {
        using var content = ContentFixture.Reference().Replace(Publicatie, "\"plaats\": \"Almelo\"", "\"plaats\": \"/health\"");

        Assert.Empty(OperationalLinks.In(ContentLoader.Load(content.Root).Snapshot!, Site));
    }
}
