using System.Diagnostics;
using System.Text;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Content an editor (or a pull request) can break in ways the rules never meant: files that are not files,
/// numbers that do not fit, text that makes a parser work forever. Each becomes a located error within seconds,
/// never an exception, a hang or a file from outside the content folder.
/// </summary>
public sealed class HostileContentTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";
    private const string Tekst = ContentFixture.Slug + "/tekst.md";
    private const string Persbericht = ContentFixture.Slug + "/bronnen/persbericht-2025-05-28.txt";

    /// <summary>
    /// Far above what a load of hostile content takes (well under 2 s, also on a busy machine running other tests),
    /// far below what the bugs it guards against take: a quadratic or backtracking parser at the content limits works
    /// for minutes, and a file that is never closed (a pipe) forever.
    /// </summary>
    internal static readonly TimeSpan TimeBound = TimeSpan.FromSeconds(20);

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    /// <summary>Loads within the time bound, and returns the errors (never throws).</summary>
    private IReadOnlyList<ContentError> Errors()
    {
        var (result, elapsed) = TimedLoad(content.Root);
        Assert.True(elapsed < TimeBound, $"Loading took {elapsed.TotalSeconds:0.0} s.");
        Assert.All(result.Errors, e => Assert.DoesNotContain('\n', e.Message));
        Assert.All(result.Errors, e => Assert.DoesNotContain(content.Root, e.ToString(), StringComparison.Ordinal));
        return result.Errors;
    }

    /// <summary>Loads, and the time it took.</summary>
    internal static (ContentLoadResult Result, TimeSpan Elapsed) TimedLoad(string root)
    {
        var watch = Stopwatch.StartNew();
        var result = ContentLoader.Load(root);
        return (result, watch.Elapsed);
    }

    private ContentError ErrorIn(string file, string fragment)
    {
        var errors = Errors();
        Assert.NotEmpty(errors);
        return Assert.Single(errors, e => e.File == file && e.Message.Contains(fragment, StringComparison.Ordinal));
    }

    private void WriteBytes(string relative, byte[] bytes) => File.WriteAllBytes(content.PathOf(relative), bytes);

    [Fact]
    public void Attachment_SymlinkToAFileOutsideTheFolder_IsAnErrorAndNotRead()
    {
        File.Delete(content.PathOf(Persbericht));
        File.CreateSymbolicLink(content.PathOf(Persbericht), "/etc/passwd");

        var error = ErrorIn(Persbericht, "snelkoppeling");
        Assert.Equal((1, 1), (error.Line, error.Column));
        Assert.DoesNotContain("root:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Attachment_InASymlinkedFolder_IsAnError()
    {
        var bronnen = content.PathOf(ContentFixture.Slug + "/bronnen");
        var elsewhere = content.PathOf("../" + Guid.NewGuid().ToString("N"));
        Directory.Move(bronnen, elsewhere);
        Directory.CreateSymbolicLink(bronnen, elsewhere);
        try
        {
            ErrorIn(ContentFixture.Slug + "/bronnen", "snelkoppeling");
        }
        finally
        {
            Directory.Delete(bronnen);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Fact]
    public void Attachment_SymlinkToADevice_IsAnError()
    {
        const string source = ContentFixture.Slug + "/bronnen/persbericht-2025-05-28.txt";
        File.Delete(content.PathOf(source));
        File.CreateSymbolicLink(content.PathOf(source), "/dev/zero");

        ErrorIn(source, "snelkoppeling");
    }

    [Fact]
    public void PublicationFolder_Symlink_IsAnError()
    {
        Directory.CreateSymbolicLink(content.PathOf("tweede-publicatie"), content.PathOf(ContentFixture.Slug));

        ErrorIn("tweede-publicatie", "snelkoppeling");
    }

    [Fact]
    public void ContentFile_Fifo_IsAnErrorAndDoesNotHang()
    {
        File.Delete(content.PathOf(Vergaderingen));
        using (var mkfifo = Process.Start("mkfifo", content.PathOf(Vergaderingen)))
        {
            mkfifo.WaitForExit();
        }

        ErrorIn(Vergaderingen, "geen gewoon bestand");
    }

    [Theory]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void Heading_LongRunOfSpacesBeforeMoreText_IsReadInLinearTime(int spaces)
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}", "## Alle cijfers" + new string(' ', spaces) + "x {#cijfers}");

        Assert.Empty(Errors());
        Assert.Contains(ContentLoader.Load(content.Root).Snapshot!.Publications[0].Sections, s => s.Id == "cijfers" && s.Title == "Alle cijfers" + new string(' ', spaces) + "x");
    }

    [Theory]
    [InlineData("\"waarde\": 30000000", "\"waarde\": 1e30")]
    [InlineData("\"waarde\": 30000000", "\"waarde\": 1e308")]
    [InlineData("\"teller\": 2", "\"teller\": 79228162514264337593543950335")]
    [InlineData("\"noemer\": 3", "\"noemer\": 3.0")]
    [InlineData("\"teller\": 2", "\"teller\": 2.5")]
    public void Number_ThatDoesNotFit_IsALocatedError(string find, string replacement)
    {
        content.Replace(Cijfers, find, replacement);

        var error = ErrorIn(Cijfers, "getal");
        Assert.Equal(content.LineOf(Cijfers, replacement), error.Line);
    }

    [Fact]
    public void Product_ThatOverflows_IsAnError()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000", "\"waarde\": 79228162514264337593543950335")
            .Replace(Cijfers, "\"teller\": 2,\n      \"noemer\": 3", "\"teller\": 9000000000000000000,\n      \"noemer\": 9000000000000000001");

        Assert.Contains(Errors(), e => e.File == Cijfers && e.Message.Contains("te groot", StringComparison.Ordinal));
    }

    [Fact]
    public void DuplicateKey_IsAnErrorAtTheSecondKey()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000,", "\"waarde\": 30000000,\n      \"waarde\": 60000000,");

        var error = ErrorIn(Cijfers, "twee keer");
        Assert.Equal(content.LineOf(Cijfers, "\"waarde\": 60000000"), error.Line);
    }

    [Fact]
    public void InvalidUtf8_InAJsonString_IsAnError()
    {
        var bytes = File.ReadAllBytes(content.PathOf(Cijfers));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("Structurele", StringComparison.Ordinal);
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;
        WriteBytes(Cijfers, bytes);

        ErrorIn(Cijfers, "UTF-8");
    }

    [Fact]
    public void InvalidUtf8_InTheText_IsAnErrorNotReplacedSilently()
    {
        var bytes = File.ReadAllBytes(content.PathOf(Tekst)).Concat(new byte[] { 0xFF, 0xFE, (byte)'\n' }).ToArray();
        WriteBytes(Tekst, bytes);

        ErrorIn(Tekst, "UTF-8");
    }

    [Fact]
    public void Text_WithOnlyCarriageReturns_IsReadLikeNewlines()
    {
        var text = File.ReadAllText(content.PathOf(Tekst)).ReplaceLineEndings("\r");
        content.Write(Tekst, text);

        Assert.Empty(Errors());
    }

    [Fact]
    public void Json_WithOnlyCarriageReturns_ReportsTheRightLine()
    {
        content.Replace(Cijfers, "\"bron\": \"persbericht\"", "\"bronn\": \"persbericht\"");
        var line = content.LineOf(Cijfers, "\"bronn\"");
        content.Write(Cijfers, File.ReadAllText(content.PathOf(Cijfers)).ReplaceLineEndings("\r"));

        Assert.Equal(line, ErrorIn(Cijfers, "bronn").Line);
    }

    [Fact]
    public void JsonSyntaxError_AfterAccentedCharacters_CountsColumnsInCharacters()
    {
        content.Replace(Cijfers, "\"label\": \"Structurele besparing", "\"label\": \"ééééé\" \"Structurele besparing");

        var error = ErrorIn(Cijfers, "geen geldige JSON");
        Assert.Equal("      \"label\": \"ééééé\" ".Length + 1, error.Column);
    }

    [Theory]
    [InlineData(">", 10_000)]
    [InlineData("*", 10_000)]
    [InlineData("- ", 2_000)]
    [InlineData("[", 10_000)]
    public void Markdown_DeepNestingOrManyMarkers_GivesAnAnswerInTime(string marker, int count)
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}\n", "## Alle cijfers {#cijfers}\n\n" + string.Concat(Enumerable.Repeat(marker, count)) + "tekst\n");

        Errors();
    }

    [Fact]
    public void Text_TooLarge_IsAnErrorThatSaysHowLarge()
    {
        content.Write(Tekst, File.ReadAllText(content.PathOf(Tekst)) + string.Concat(Enumerable.Repeat("Een alinea tekst.\n\n", 60_000)));

        ErrorIn(Tekst, "te groot");
    }

    [Fact]
    public void Line_TooLong_IsAnError()
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}\n", "## Alle cijfers {#cijfers}\n\n" + new string('a', 30_000) + "\n");

        ErrorIn(Tekst, "regel");
    }

    [Fact]
    public void JsonText_TooLong_IsAnError()
    {
        content.Replace(Publicatie, "\"samenvatting\": \"", "\"samenvatting\": \"" + new string('a', 20_000));

        ErrorIn(Publicatie, "te lang");
    }

    [Fact]
    public void Chart_WithTotalZero_IsAnError()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000", "\"waarde\": 0");

        ErrorIn(Cijfers, "totaal");
    }

    [Fact]
    public void DerivedFigure_SourcesOfAChainThatReusesItsInputs_TakeLinearTime()
    {
        var source = new Source("bron", "Bron", "Gemeente Almelo", new DateOnly(2025, 5, 28), null, null, null);
        var figure = new Figure("f0", "f0", FigureUnit.Banen, Rational.Whole(1), false, Approximation.None, source, null);
        for (var i = 1; i <= 60; i++)
        {
            figure = new Figure($"f{i}", $"f{i}", FigureUnit.Banen, figure.Value + figure.Value, false, Approximation.None, null, new Derivation(DerivationOperation.Som, [figure, figure]));
        }

        var watch = Stopwatch.StartNew();
        Assert.Equal("bron", Assert.Single(figure.Sources).Id);
        Assert.True(watch.Elapsed < TimeBound, $"took {watch.Elapsed}");
    }

    [Fact]
    public void DerivedFigures_ChainTooDeep_IsAnError()
    {
        var chain = string.Concat(Enumerable.Range(1, 60).Select(i =>
            $",{{ \"id\": \"keten-{i}\", \"label\": \"Keten {i}\", \"eenheid\": \"banen\", \"afgeleid\": {{ \"bewerking\": \"som\", \"van\": [\"{(i == 1 ? "banen-2024" : $"keten-{i - 1}")}\", \"banen-groei\"] }} }}"));
        content.Replace(Cijfers, "\"afgeleid\": { \"bewerking\": \"product\", \"van\": [\"banen-groei\", \"aandeel-andere-sectoren\"] }\n    }", "\"afgeleid\": { \"bewerking\": \"product\", \"van\": [\"banen-groei\", \"aandeel-andere-sectoren\"] }\n    }" + chain);

        var errors = Errors();
        Assert.True(errors.Any(e => e.File == Cijfers && e.Message.Contains("stappen", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [Fact]
    public void PressUrl_ThatIsNoAddress_IsAnError()
    {
        content.Replace(Publicatie, "\"url\": \"https://www.almelo.nl/\"", "\"url\": \"http://[::1\"");

        var errors = Errors();
        Assert.True(errors.Any(e => e.File == Publicatie && e.Message.Contains("webadres", StringComparison.Ordinal)), string.Join("\n", errors));
    }

    [Theory]
    [InlineData("privacy")]
    [InlineData("health")]
    [InlineData("toegankelijkheid")]
    [InlineData("niet-gevonden")]
    public void PublicationFolder_NamedLikeAPageOfTheSite_IsAnError(string name)
    {
        Directory.Move(content.PathOf(ContentFixture.Slug), content.PathOf(name));

        Assert.Contains(Errors(), e => e.File == name + "/" && e.Message.Contains("de site zelf", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicationFolder_WithATrailingNewline_IsAnError()
    {
        Directory.Move(content.PathOf(ContentFixture.Slug), content.PathOf(ContentFixture.Slug + "\n"));

        Assert.Contains(Errors(), e => e.Message.Contains("webadres", StringComparison.Ordinal));
    }

    [Fact]
    public void Id_WithATrailingNewline_IsAnError()
    {
        content.Replace(Vergaderingen, "\"id\": \"politieke-avond-2025-07-01\"", "\"id\": \"politieke-avond-2025-07-01\\n\"");

        Assert.Contains(Errors(), e => e.File == Vergaderingen);
    }

    [Fact]
    public void Meeting_FarInTheFuture_IsAnError()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-01\"", "\"datum\": \"9999-12-31\"");

        ErrorIn(Vergaderingen, "9999-12-31");
    }

    [Fact]
    public void BidiControlCharacter_InATitle_IsAnError()
    {
        content.Replace(Cijfers, "\"label\": \"Structurele", "\"label\": \"\u202EStructurele");

        ErrorIn(Cijfers, "onzichtbaar");
    }

    [Fact]
    public void BidiControlCharacter_InTheText_IsAnError()
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}", "## Alle\u202Ecijfers {#cijfers}");

        ErrorIn(Tekst, "onzichtbaar");
    }

    [Fact]
    public void MessageQuotingALinkWithANewline_StaysOnOneLine()
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}\n", "## Alle cijfers {#cijfers}\n\n[klik](javascript&#10;:alert(1))\n");

        Assert.NotEmpty(Errors());
    }

    [Fact]
    public void Image_FromAnotherWebsite_IsAnError()
    {
        content.Replace(Tekst, "## Alle cijfers {#cijfers}\n", "## Alle cijfers {#cijfers}\n\n![pixel](https://evil.example/track.png)\n");

        ErrorIn(Tekst, "andere website");
    }

    [Fact]
    public void MissingContentFolder_IsNamedRelatively()
    {
        var result = ContentLoader.Load(content.PathOf("bestaat-niet"));

        Assert.Equal(".", Assert.Single(result.Errors).File);
    }
}
