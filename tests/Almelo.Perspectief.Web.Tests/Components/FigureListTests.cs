using Almelo.Perspectief.Web.Components.Publication;
using Bunit;

namespace Almelo.Perspectief.Web.Tests.Components;

public sealed class FigureListTests : ComponentTest
{
    [Fact]
    public void StatedFigure_ShowsValueAndSource()
    {
        var figure = ReferenceNota.Publication.FindFigure("besparing-totaal")!;

        var cut = Render<FigureList>(p => p.Add(c => c.Publication, ReferenceNota.Publication).Add(c => c.Figures, [figure]));

        var card = cut.Find("#cijfer-besparing-totaal");
        Assert.Equal("€\u00A030\u00A0miljoen", card.QuerySelector(".cijfer__waarde")!.TextContent);
        Assert.Equal("Bron 1", card.QuerySelector(".cijfer__bron a.bron-link")!.TextContent);
        Assert.Equal("/perspectiefnota-2026-2029#bron-persbericht", card.QuerySelector(".cijfer__bron a.bron-link")!.GetAttribute("href"));
    }

    [Fact]
    public void DerivedFigure_SaysItIsComputedAndFromWhat()
    {
        var figure = ReferenceNota.Publication.FindFigure("banen-2018")!;

        var cut = Render<FigureList>(p => p.Add(c => c.Publication, ReferenceNota.Publication).Add(c => c.Figures, [figure]));

        var card = cut.Find("#cijfer-banen-2018");
        Assert.Contains("cijfer--berekend", card.ClassList);
        Assert.Equal("Berekend", card.QuerySelector(".label-zelf")!.TextContent);
        Assert.Equal("minder dan 42.250", card.QuerySelector(".cijfer__waarde")!.TextContent);
        // The result is in the value column; the calculation beside it shows what it is computed from.
        Assert.Equal("49.000 − ruim 6.750", card.QuerySelector(".berekening")!.TextContent);
    }
}
