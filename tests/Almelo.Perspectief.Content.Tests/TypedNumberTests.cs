using System.Text;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Numbers typed the way an editor writes them (15.000, 15,000, € 15000): an error at the number, saying what to
/// write, and never a number other than the one meant, nor an error about a calculation somewhere else.
/// </summary>
public sealed partial class TypedNumberTests : IDisposable
{
    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")]
    private static partial Regex PlainNumber();

    [GeneratedRegex(@"^-?[0-9]+\.[0-9]{3}$")]
    private static partial Regex ThousandsPoint();

    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";

    /// <summary>Where a value starts on its line in the reference cijfers.json: six spaces, "waarde", a colon and a space.</summary>
    private const int ValueColumn = 17;

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private ContentError Single()
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Null(result.Snapshot);
        return Assert.Single(result.Errors);
    }

    private void Type(string find, string typed) => content.Replace(Cijfers, find, typed);

    [Fact]
    public void Load_CountWithThousandsPoint_IsAnErrorAtTheNumberAndNotAtTheCalculation()
    {
        // banen-2018 is banen-2024 minus the growth: read as 49, it would be negative, reported at banen-2018.
        Type("\"waarde\": 49000", "\"waarde\": 49.000");

        Assert.Equal(
            new ContentError(Cijfers, content.LineOf(Cijfers, "49.000"), 7, "Schrijf 49000, zonder punt: in dit bestand is een punt een komma, dus 49.000 betekent hier 49. Een bedrag of aantal is een heel getal."),
            Single());
    }

    [Fact]
    public void Load_AmountWithThousandsPoint_SaysWhatThePointMeansHere()
    {
        Type("\"waarde\": 6750", "\"waarde\": 1.250");

        Assert.Equal(
            new ContentError(Cijfers, content.LineOf(Cijfers, "1.250"), 7, "Schrijf 1250, zonder punt: in dit bestand is een punt een komma, dus 1.250 betekent hier 1,25. Een bedrag of aantal is een heel getal."),
            Single());
    }

    [Fact]
    public void Load_ThousandsPointInAFileThatFailsItsSchema_IsStillReported()
    {
        Type("\"waarde\": 49000", "\"waarde\": 49.000");
        Type("\"bron\": \"persbericht\"", "\"bronn\": \"persbericht\"");

        var errors = ContentLoader.Load(content.Root).Errors;

        Assert.Contains(errors, e => e.Line == content.LineOf(Cijfers, "49.000") && e.Message.StartsWith("Schrijf 49000", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message.Contains("'bronn'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ShareWithThreeDecimals_IsANumberNotAMistake()
    {
        Type("\"waarde\": 0.4", "\"waarde\": 0.125");

        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }

    [Theory]
    [InlineData("49,000", "Schrijf 49000, zonder komma: in dit bestand staat een komma alleen tussen twee velden, nooit in een getal.")]
    [InlineData("49 000", "Schrijf 49000, zonder spaties: in dit bestand heeft een getal geen spaties.")]
    [InlineData("49\u00A0000", "Schrijf 49000, zonder spaties: in dit bestand heeft een getal geen spaties.")]
    [InlineData("€ 49000", "Schrijf 49000, zonder €-teken of 'euro': alleen het getal. Dat het om euro's gaat, staat al bij \"eenheid\".")]
    [InlineData("€49.000", "Schrijf 49000, zonder €-teken of 'euro': alleen het getal. Dat het om euro's gaat, staat al bij \"eenheid\".")]
    [InlineData("49000 euro", "Schrijf 49000, zonder €-teken of 'euro': alleen het getal. Dat het om euro's gaat, staat al bij \"eenheid\".")]
    [InlineData("EUR 49000", "Schrijf 49000, zonder €-teken of 'euro': alleen het getal. Dat het om euro's gaat, staat al bij \"eenheid\".")]
    [InlineData("1.049.000", "Schrijf 1049000, zonder punten: in dit bestand is een punt een komma.")]
    [InlineData("49.000,50", "Schrijf 49000.50: in dit bestand schrijft u een kommagetal met een punt, niet met een komma.")]
    public void Load_NumberThatBreaksTheJson_IsNamedAtTheNumber(string typed, string message)
    {
        Type("\"waarde\": 49000", "\"waarde\": " + typed);

        Assert.Equal(new ContentError(Cijfers, content.LineOf(Cijfers, typed), ValueColumn, message), Single());
    }

    [Fact]
    public void Load_ShareWithDecimalComma_SaysToWriteAPoint()
    {
        Type("\"waarde\": 0.4", "\"waarde\": 0,4");

        Assert.Equal(
            new ContentError(Cijfers, content.LineOf(Cijfers, "0,4"), ValueColumn, "Schrijf 0.4: in dit bestand schrijft u een kommagetal met een punt, niet met een komma."),
            Single());
    }

    [Fact]
    public void Load_OtherJsonMistakeAfterANumber_KeepsTheGeneralMessage()
    {
        Type("\"waarde\": 49000,", "\"waarde\": 49000,,");

        Assert.StartsWith("Dit is geen geldige JSON.", Single().Message, StringComparison.Ordinal);
    }

    private static readonly string[] Marks = [".", ",", " ", "\u00A0", "€", "$", " euro", "EUR ", "-", "+", ",,", "..", "e", "\"", ":"];

    /// <summary>A number as someone might type it: digit groups joined by marks, with currency around it.</summary>
    private static Gen<string> TypedNumber() =>
        from prefix in Gen.Elements("", "€", "€ ", "$", "EUR ", "-", "+")
        from groups in Gen.Choose(1, 4).SelectMany(n => Gen.ArrayOf(Gen.Choose(0, 99_999), n))
        from marks in Gen.ArrayOf(Gen.Elements(Marks), 4)
        from suffix in Gen.Elements("", " euro", "€", ",", " ", ".")
        select prefix + string.Concat(groups.Select((g, i) => (i == 0 ? string.Empty : marks[i - 1]) + g)) + suffix;

    [Property(MaxTest = 40, QuietOnSuccess = true)]
    public Property Load_AnyTypedNumber_AnswersInTimeWithAnErrorAtTheNumberOrAFigure() =>
        Prop.ForAll(TypedNumber().ToArbitrary(), typed =>
        {
            var path = content.PathOf(Cijfers);
            var original = File.ReadAllText(path);
            try
            {
                File.WriteAllText(path, original.Replace("\"waarde\": 49000", "\"waarde\": " + typed, StringComparison.Ordinal));
                var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);
                Assert.True(elapsed < HostileContentTests.TimeBound, $"took {elapsed}");
                var line = original[..original.IndexOf("\"waarde\": 49000", StringComparison.Ordinal)].Count(c => c == '\n') + 1;
                // Anything but a plain number is reported where it was typed, never at a calculation elsewhere (a
                // plain small number may well make one negative); a mark JSON does not know is never accepted.
                if (!PlainNumber().IsMatch(typed.Trim()) || ThousandsPoint().IsMatch(typed.Trim()))
                {
                    Assert.False(result.IsValid);
                    Assert.All(result.Errors, e => Assert.Equal((Cijfers, line), (e.File, e.Line)));
                }
                return true;
            }
            finally
            {
                File.WriteAllText(path, original);
            }
        });

    [Property(MaxTest = 2000, QuietOnSuccess = true)]
    public Property AtSyntaxError_AnyBytesAndPlace_NeverThrowsAndPointsIntoTheFile() =>
        Prop.ForAll(Gen.ArrayOf(Gen.Elements<byte>((byte)'1', (byte)',', (byte)'.', (byte)' ', (byte)':', (byte)'\n', 0xE2, 0x82, 0xAC, 0xC2, 0xA0, (byte)'e', (byte)'"')).ToArbitrary(), Gen.Choose(0, 300).ToArbitrary(), (bytes, at) =>
        {
            var offset = Math.Min(at, bytes.Length);
            if (TypedNumbers.AtSyntaxError(bytes, offset) is var (start, message))
            {
                Assert.InRange(start, 0, offset);
                Assert.StartsWith("Schrijf ", message, StringComparison.Ordinal);
            }
            return true;
        });

    [Fact]
    public void AtSyntaxError_LongLineOfDigits_LooksOnlyNearTheError()
    {
        var json = Encoding.UTF8.GetBytes("{\"waarde\": " + new string('1', 5_000_000) + ",000}");

        Assert.Null(TypedNumbers.AtSyntaxError(json, json.Length - 4));
    }
}
