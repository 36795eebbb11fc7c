using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Content;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace Almelo.Perspectief.Web.Tests.Components;

/// <summary>The reference Perspectiefnota, loaded once, for component tests.</summary>
public static class ReferenceNota
{
    private static readonly Lazy<ContentSnapshot> Snapshot = new(() => ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!);

    public static ContentSnapshot Content => Snapshot.Value;

    public static Publication Publication => Snapshot.Value.Find(ContentFixture.Slug)!;

    /// <summary>
    /// The reference nota with an English edition: the Dutch publication as English (its words stay Dutch, so a test of it
    /// checks the interface text and the formatting), with the figure labels marked, and the Dutch site settings as English.
    /// </summary>
    public static ContentSnapshot WithEnglish => Content with
    {
        Translations = [English],
        SiteTranslations = new Dictionary<string, SiteSettings> { [SiteLanguage.English.Code] = Content.Site! },
    };

    public static Publication English => Publication with
    {
        Language = SiteLanguage.English,
        Figures = Publication.Figures.Select(f => f with { Label = "EN " + f.Label }).ToList(),
    };
}

/// <summary>A content source that serves one snapshot.</summary>
internal sealed class FixedContent(ContentSnapshot snapshot) : IContentSource
{
    public ContentSnapshot Current => snapshot;

    public ContentState State => new(snapshot, []);
}

public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLocalization();
        Services.AddSingleton<IContentSource>(new FixedContent(ReferenceNota.Content));
    }
}
