using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Bunit;

namespace Almelo.Perspectief.Web.Tests.Components;

/// <summary>The reference Perspectiefnota, loaded once, for component tests.</summary>
public static class ReferenceNota
{
    private static readonly Lazy<ContentSnapshot> Snapshot = new(() => ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!);

    public static ContentSnapshot Content => Snapshot.Value;

    public static Publication Publication => Snapshot.Value.Find(ContentFixture.Slug)!;
}

public abstract class ComponentTest : BunitContext
{
    protected ComponentTest() => JSInterop.Mode = JSRuntimeMode.Loose;
}
