using System.Collections;
using System.Globalization;
using System.Resources;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Resources;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>Every interface text of the Dutch resources has its English, and the English has no text the Dutch lacks.</summary>
public sealed class ResourceTextTests
{
    public static TheoryData<string> Resources => new() { nameof(SiteText), nameof(PublicationText) };

    [Theory]
    [MemberData(nameof(Resources))]
    public void EnglishResources_HaveEveryDutchKey_WithAValue_AndNoOther(string name)
    {
        var manager = new ResourceManager($"{typeof(SiteText).Namespace}.{name}", typeof(SiteText).Assembly);

        var dutch = Texts(manager, CultureInfo.InvariantCulture);
        var english = Texts(manager, SiteLanguage.English.Culture.Parent);

        Assert.NotEmpty(dutch);
        Assert.Equal(dutch.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(english, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{name}.en.resx: {e.Key} is empty"));
        Assert.All(dutch, e => Assert.False(string.IsNullOrWhiteSpace(e.Value), $"{name}.resx: {e.Key} is empty"));
    }

    [Fact]
    public void WebAssembly_IsDutchWhereNoTranslationSaysOtherwise() =>
        Assert.Equal("nl", System.Reflection.CustomAttributeExtensions.GetCustomAttribute<NeutralResourcesLanguageAttribute>(typeof(SiteText).Assembly)?.CultureName);

    private static Dictionary<string, string?> Texts(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string) ?? [];
}
