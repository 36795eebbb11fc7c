using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>Qualifiers of derived figures follow from the bounds of their inputs: computed, never typed.</summary>
public sealed class FigureBoundTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private static Figure Stated(string id, decimal value, Approximation approximation = Approximation.None, FigureUnit unit = FigureUnit.Banen) =>
        new(id, id, unit, Rational.Whole(value), false, approximation, null, null);

    private static Figure Share(string id, decimal value) =>
        new(id, id, FigureUnit.Aandeel, Rational.Whole(value), false, Approximation.None, null, null);

    private static Approximation Of(DerivationOperation operation, params Figure[] inputs) =>
        FigureBound.Of(operation, inputs).Qualifier(roundedForDisplay: false);

    [Fact]
    public void Difference_WithARuimSubtrahend_IsAnUpperBound() =>
        Assert.Equal(Approximation.MinderDan, Of(DerivationOperation.Verschil, Stated("a", 49_000), Stated("b", 6_750, Approximation.Ruim)));

    [Fact]
    public void Difference_WithARuimMinuend_IsALowerBound() =>
        Assert.Equal(Approximation.Ruim, Of(DerivationOperation.Verschil, Stated("a", 49_000, Approximation.Ruim), Stated("b", 6_750)));

    [Fact]
    public void Product_OfAnExactShareAndARuimFigure_IsRuim() =>
        Assert.Equal(Approximation.Ruim, Of(DerivationOperation.Product, Stated("a", 6_750, Approximation.Ruim), Share("b", 0.4m)));

    [Fact]
    public void Product_OfTwoUncertainFigures_IsOngeveer() =>
        Assert.Equal(Approximation.Ongeveer, Of(DerivationOperation.Product, Stated("a", 6_750, Approximation.Ruim), Stated("b", 2, Approximation.Bijna)));

    [Fact]
    public void ExactInputs_GiveAnExactFigure() =>
        Assert.Equal(Approximation.None, Of(DerivationOperation.Som, Stated("a", 49_000), Stated("b", 6_750)));

    [Fact]
    public void Sum_OfARuimAndABijnaFigure_IsOngeveer() =>
        Assert.Equal(Approximation.Ongeveer, Of(DerivationOperation.Som, Stated("a", 100, Approximation.Ruim), Stated("b", 50, Approximation.Bijna)));

    [Fact]
    public void Difference_WithABijnaSubtrahend_IsRuim() =>
        Assert.Equal(Approximation.Ruim, Of(DerivationOperation.Verschil, Stated("a", 100), Stated("b", 50, Approximation.Bijna)));

    [Fact]
    public void Difference_OfAFigureWithItself_IsExact() =>
        Assert.Equal(Approximation.None, Of(DerivationOperation.Verschil, Stated("a", 100, Approximation.Ruim), Stated("a", 100, Approximation.Ruim)));

    [Fact]
    public void RoundedForDisplay_IsOngeveer() =>
        Assert.Equal(Approximation.Ongeveer, FigureBound.Exact.Qualifier(roundedForDisplay: true));

    [Fact]
    public void StatedExactFigure_StaysExact() =>
        Assert.Equal("49.000", TextFormat.Dutch.InText(Stated("a", 49_000)));

    [Fact]
    public void CategoryTotal_WhereTheUnknownAmountsCancel_IsExact()
    {
        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;
        var chart = nota.Charts.Single(c => c.Id == "groei-banen");

        Assert.Equal("minder dan 42.250", TextFormat.Dutch.InText(ChartTotals.CategoryTotal(chart, 0)!));
        // (49.000 − ruim 6.750) + 40% × ruim 6.750 + (100% − 40%) × ruim 6.750 is exactly 49.000.
        Assert.Equal("49.000", TextFormat.Dutch.InText(ChartTotals.CategoryTotal(chart, 1)!));
    }

    [Fact]
    public void ShippedContent_EveryDerivedFigure_HasItsBoundWording()
    {
        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        var wording = nota.Figures.Where(f => f.IsDerived).ToDictionary(f => f.Id, TextFormat.Dutch.InText);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["besparing-sociaal-domein"] = "€\u00A020\u00A0miljoen",
                ["besparing-overig"] = "€\u00A010\u00A0miljoen",
                ["banen-2018"] = "minder dan 42.250",
                ["banen-hightech"] = "ruim 2.700",
                ["aandeel-andere-sectoren"] = "60%",
                ["banen-groei-overig"] = "ruim 4.050",
            },
            wording);
    }

    [Fact]
    public void ShippedContent_ChartLabels_ClaimNoMoreThanTheSource()
    {
        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        Assert.Equal(["Sociaal domein", "Andere taken"], nota.Charts.Single(c => c.Id == "verdeling-besparing").Parts.Select(p => p.Label));
        var jobs = nota.Charts.Single(c => c.Id == "groei-banen");
        Assert.Equal(["2018", "Voorjaar 2024"], jobs.Categories);
        Assert.Equal(
            ["Banen in 2018", "Groei tot voorjaar 2024: hightech-maakindustrie", "Groei tot voorjaar 2024: andere sectoren"],
            jobs.Series.Select(s => s.Label));
    }

    [Fact]
    public void Validation_RuimGrowthInTheContent_MakesThe2018JobsAnUpperBound()
    {
        content.Replace(Cijfers, "\"waarde\": 6750,\n      \"benadering\": \"ruim\",", "\"waarde\": 6750,\n      \"benadering\": \"bijna\",");

        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        Assert.Equal("ruim 42.250", TextFormat.Dutch.InText(nota.FindFigure("banen-2018")!));
        Assert.Equal("bijna 6.750", TextFormat.Dutch.InText(nota.FindFigure("banen-groei")!));
        Assert.Equal("minder dan 2.700", TextFormat.Dutch.InText(nota.FindFigure("banen-hightech")!));
    }

    [Fact]
    public void Validation_ExactGrowthInTheContent_MakesEveryJobsFigureExact()
    {
        content.Replace(Cijfers, "\"waarde\": 6750,\n      \"benadering\": \"ruim\",", "\"waarde\": 6750,");

        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        Assert.All(nota.Figures.Where(f => f.IsDerived), f => Assert.Equal(Approximation.None, f.Approximation));
    }
}
