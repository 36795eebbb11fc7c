using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Mistakes the validator once let through or reported badly (at 1:1, in English, or followed by errors that only
/// repeat it): the reference content with one such mistake gives exactly one located error in plain Dutch.
/// </summary>
public sealed class ValidatorGapTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Tekst = ContentFixture.Slug + "/tekst.md";
    private const string FirstSection = "## In het kort {#in-het-kort}\n";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private ContentError Single()
    {
        var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);
        Assert.True(elapsed < HostileContentTests.TimeBound, $"Loading took {elapsed.TotalSeconds:0.0} s.");
        Assert.Null(result.Snapshot);
        return Assert.Single(result.Errors);
    }

    private void AssertSingle(string file, int line, string message)
    {
        var error = Single();
        Assert.Equal((file, line, message), (error.File, error.Line, error.Message));
    }

    private ContentFixture AfterFirstSection(string text) => content.Replace(Tekst, FirstSection, FirstSection + "\n" + text + "\n\n");

    [Fact]
    public void JsonName_WithATrailingNewline_IsAnErrorAtTheName()
    {
        content.Replace(Publicatie, "\"persbericht\": \"in-het-kort\"", "\"persbericht\\n\": \"in-het-kort\"");

        AssertSingle(Publicatie, content.LineOf(Publicatie, "\"persbericht\\n\""), "De naam vóór de dubbele punt bevat een regeleinde, tab of ander onzichtbaar teken. Typ de naam opnieuw, met alleen kleine letters, cijfers en streepjes.");
    }

    [Fact]
    public void JsonName_WithABidiCharacter_IsAnErrorAtTheName()
    {
        content.Replace(Publicatie, "\"keuzes\": \"waar-bespaard\"", "\"keu\u202Ezes\": \"waar-bespaard\"");

        Assert.Equal(content.LineOf(Publicatie, "\"keu\u202Ezes\""), Single().Line);
    }

    [Fact]
    public void OrderedLists_NestedOnOneLine_AreAnErrorAtThatLine()
    {
        AfterFirstSection(string.Concat(Enumerable.Repeat("1. ", 100)) + "tekst");

        AssertSingle(Tekst, content.LineOf(Tekst, "1. 1. 1."), $"Hier staan meer dan {ContentLimits.MaxNesting} citaten (>) of lijsten in elkaar. Haal de nesting weg; één of twee niveaus is genoeg.");
    }

    [Fact]
    public void Emphasis_ThousandsOfMarkersAroundAWord_IsAnErrorAtThatLineInDutch()
    {
        AfterFirstSection(new string('*', 2_495) + "woord" + new string('*', 2_495));

        var error = Single();
        Assert.Equal((Tekst, content.LineOf(Tekst, "***woord***")), (error.File, error.Line));
        Assert.StartsWith($"Hier staan meer dan {ContentLimits.MaxNesting} citaten (>), lijsten, links of stukken opmaak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnclosedBrackets_ManyInARow_AreAnErrorAtTheirLine()
    {
        AfterFirstSection("Vooraf.\n\nEen zin met " + new string('[', 200) + " en verder.");

        var error = Single();

        Assert.Equal(content.LineOf(Tekst, "Een zin met ["), error.Line);
        Assert.StartsWith($"Hier staan meer dan {ContentLimits.MaxNesting} citaten (>), lijsten, links of stukken opmaak", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_NestedOverManyLines_IsAnErrorWhereItGetsTooDeep()
    {
        AfterFirstSection(string.Concat(Enumerable.Range(1, 40).Select(i => $"*regel{i}\n")) + "midden" + string.Concat(Enumerable.Repeat(" tekst*", 40)));

        Assert.Equal(content.LineOf(Tekst, $"*regel{ContentLimits.MaxNesting + 1}"), Single().Line);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(80)]
    public void Lists_NestedByIndentation_AreAnErrorAtTheLineThatGoesTooDeep(int levels)
    {
        AfterFirstSection(string.Concat(Enumerable.Range(0, levels).Select(i => new string(' ', 2 * i) + $"- niveau{i}\n")));

        var error = Single();
        Assert.Equal(Tekst, error.File);
        Assert.InRange(error.Line, content.LineOf(Tekst, $"- niveau{ContentLimits.MaxNesting}"), content.LineOf(Tekst, $"- niveau{levels - 1}"));
        Assert.StartsWith("Hier staan ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetextHeading_IsAnErrorThatSaysHowToWriteAHeading()
    {
        AfterFirstSection("Een kop {#een-kop}\n-----");

        AssertSingle(Tekst, content.LineOf(Tekst, "-----"), "Deze regel met alleen streepjes (---) of isgelijktekens (===) maakt van de regel erboven een kop, zonder id. Wilt u een kop, schrijf dan ## Titel {#id} op één regel. Wilt u een lijn, zet dan een lege regel boven de streepjes.");
    }

    [Fact]
    public void DerivedFigure_AboveTheLargestNumber_IsAnErrorAtTheDerivation()
    {
        content.Replace(Cijfers, "\"waarde\": 49000", "\"waarde\": 1000000000000000")
            .Replace(Cijfers, "\"bewerking\": \"verschil\", \"van\": [\"banen-2024\", \"banen-groei\"]", "\"bewerking\": \"som\", \"van\": [\"banen-2024\", \"banen-groei\"]");

        AssertSingle(Cijfers, content.LineOf(Cijfers, "\"van\": [\"banen-2024\", \"banen-groei\"]"), "De berekening van 'banen-2018' geeft een getal dat te groot is; het grootste getal is 1.000.000.000.000.000. Controleer de cijfers bij \"van\".");
    }

    [Theory]
    [InlineData("1e-30")]
    [InlineData("0.0004")]
    public void Share_ThatWouldShowAsZeroPercent_IsAnError(string value)
    {
        content.Replace(Cijfers, "\"waarde\": 0.4", $"\"waarde\": {value}");

        AssertSingle(Cijfers, content.LineOf(Cijfers, $"\"waarde\": {value}"), "Het aandeel 'aandeel-hightech' is zo klein dat de pagina het als 0% toont. Een aandeel is 0 of minstens 0.0005 (0,05%); controleer het getal (40% schrijf je als 0.4).");
    }

    [Fact]
    public void Share_OfHalfATenthOfAPercent_IsShown()
    {
        content.Replace(Cijfers, "\"waarde\": 0.4", "\"waarde\": 0.0005");

        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }
}
