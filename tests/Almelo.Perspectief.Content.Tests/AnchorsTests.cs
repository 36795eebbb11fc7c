using Almelo.Perspectief.Content.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>The ids the page makes from content ids: never one that content can write, and never two alike.</summary>
public sealed class AnchorsTests
{
    private static readonly string[] Words = ["x", "titel", "tabel", "kop", "lijst", "grafiek", "cijfer", "bron", "a1"];

    private static Gen<string> Ids() => ContentIds.From(Words);

    /// <summary>Every id the page makes from one content id, with what it is for (a section may not take a reserved id).</summary>
    private static IEnumerable<(string Kind, string Id)> Made(string id) =>
    [
        .. Anchors.IsReserved(id) ? [] : new[] { ("section", id), ("heading", Anchors.Heading(id)) },
        ("source", Anchors.Source(id)), ("figure", Anchors.Figure(id)),
        ("chart", Anchors.Chart(id)), ("chart title", Anchors.ChartTitle(id)), ("chart table", Anchors.ChartTable(id)),
        ("meeting", Anchors.Meeting(id)), ("law", Anchors.Law(id)), ("term", Anchors.Term(id)),
    ];

    [Property(MaxTest = 300, QuietOnSuccess = true)]
    public Property MadeIds_AnyTwoContentIds_NeverEqualUnlessTheyAreTheSameThing() =>
        Prop.ForAll(Gen.Two(Ids()).ToArbitrary(), pair =>
        {
            var (a, b) = pair;
            foreach (var (kindA, idA) in Made(a))
            {
                foreach (var (kindB, idB) in Made(b))
                {
                    Assert.False(idA == idB && (kindA != kindB || a != b), $"{kindA} '{a}' and {kindB} '{b}' both get the id '{idA}'");
                }
            }
            return true;
        });

    [Theory]
    [InlineData("x")]
    [InlineData("voor-de-pers")]
    public void MadeIds_OfAPart_IsNoIdContentCanWrite(string id)
    {
        Assert.False(Anchors.IsId(Anchors.Heading(id)));
        Assert.False(Anchors.IsId(Anchors.ChartTitle(id)));
        Assert.False(Anchors.IsId(Anchors.ChartTable(id)));
    }

    [Theory]
    [InlineData("perspectiefnota-2026-2029", true)]
    [InlineData("a", true)]
    [InlineData("x\n", false)]
    [InlineData("x__titel", false)]
    [InlineData("x--y", false)]
    [InlineData("-x", false)]
    [InlineData("X", false)]
    [InlineData("", false)]
    public void IsId_Text_IsTrueOnlyForLowercaseWordsJoinedByOneHyphen(string text, bool expected) => Assert.Equal(expected, Anchors.IsId(text));
}
