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
        Assert.Equal("€ 30 miljoen", card.QuerySelector(".cijfer__waarde")!.TextContent);
        Assert.Equal("Vermeld", card.QuerySelector(".soort-cijfer")!.TextContent);
        Assert.Contains("Gemeente Almelo, 28 mei 2025", card.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void DerivedFigure_SaysItIsComputedAndFromWhat()
    {
        var figure = ReferenceNota.Publication.FindFigure("banen-2018")!;

        var cut = Render<FigureList>(p => p.Add(c => c.Publication, ReferenceNota.Publication).Add(c => c.Figures, [figure]));

        var card = cut.Find("#cijfer-banen-2018");
        Assert.Contains("cijfer--afgeleid", card.ClassList);
        Assert.Equal("Berekend", card.QuerySelector(".soort-cijfer")!.TextContent);
        Assert.Equal("49.000 − 6.750 = 42.250", card.QuerySelector(".berekening")!.TextContent);
        Assert.Contains("‘Groei van het aantal banen sinds 2018’", card.TextContent, StringComparison.Ordinal);
    }
}
