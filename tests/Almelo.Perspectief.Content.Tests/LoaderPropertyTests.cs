using System.Text;
using Almelo.Perspectief.Content.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Whatever one edit does to one file of the reference content (a byte, a number, a run of whitespace or markers,
/// a key written twice), loading answers within the time bound, with a snapshot or errors, and never throws.
/// </summary>
public sealed class LoaderPropertyTests : IDisposable
{
    private static readonly string[] Files =
    [
        ContentFixture.Slug + "/cijfers.json",
        ContentFixture.Slug + "/publicatie.json",
        ContentFixture.Slug + "/vergaderingen.json",
        ContentFixture.Slug + "/begrippen.json",
        ContentFixture.Slug + "/tekst.md",
    ];

    private static readonly string[] Numbers =
    [
        "1e30", "1e308", "-0", "0", "3.0", "2.5", "79228162514264337593543950335", "9223372036854775808", "-1", "1e-30", "NaN", "\"1\"",
    ];

    private static readonly string[] Runs = [" ", "\t", "\u00A0", ">", "*", "[", "{", "\"", "\r", "\u202E", "- "];

    private readonly ContentFixture content = ContentFixture.Reference();

    public LoaderPropertyTests()
    {
        // The time bound is for the loader, not for the runtime's first compilation of it.
        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }

    internal enum Kind
    {
        Byte,
        Number,
        Run,
        DuplicateLine,
    }

    internal sealed record Mutation(string File, Kind Kind, int Position, int Count, byte Byte, string Text)
    {
        public override string ToString() => $"{Kind} in {File} at {Position}: {Count} × {(Kind == Kind.Byte ? $"0x{Byte:X2}" : Text)}";
    }

    /// <summary>One edit of one of <paramref name="files"/> (the reference content's files when none are named).</summary>
    internal static Gen<Mutation> Mutations(string[]? files = null) =>
        from file in Gen.Elements(files ?? Files)
        from kind in Gen.Elements(Enum.GetValues<Kind>())
        from position in Gen.Choose(0, 10_000)
        from count in Gen.Elements(1, 2, 10, 200, 2_000, 20_000)
        from value in Gen.Choose(0, 255)
        from text in kind == Kind.Number ? Gen.Elements(Numbers) : Gen.Elements(Runs)
        select new Mutation(file, kind, position, count, (byte)value, text);

    [Property(MaxTest = 60, QuietOnSuccess = true)]
    public Property Load_AnyEditOfOneFile_AnswersInTimeAndNeverThrows() =>
        Prop.ForAll(Mutations().ToArbitrary(), mutation =>
        {
            var path = content.PathOf(mutation.File);
            var original = File.ReadAllBytes(path);
            try
            {
                File.WriteAllBytes(path, Apply(original, mutation));
                var (result, elapsed) = HostileContentTests.TimedLoad(content.Root);
                Assert.True(elapsed < HostileContentTests.TimeBound, $"took {elapsed}");
                Assert.True(result.Snapshot is not null || result.Errors.Count > 0);
                Assert.All(result.Errors, e => Assert.DoesNotContain('\n', e.Message));
                Assert.All(result.Errors, e => Assert.DoesNotContain(content.Root, e.ToString(), StringComparison.Ordinal));
                return true;
            }
            finally
            {
                File.WriteAllBytes(path, original);
            }
        });

    internal static byte[] Apply(byte[] original, Mutation mutation)
    {
        var at = mutation.Position % (original.Length + 1);
        switch (mutation.Kind)
        {
            case Kind.Byte:
                var bytes = original.ToArray();
                bytes[Math.Min(at, bytes.Length - 1)] = mutation.Byte;
                return bytes;
            case Kind.Number:
                var text = Encoding.UTF8.GetString(original);
                var digit = text.IndexOfAny("0123456789".ToCharArray(), Math.Min(at, text.Length));
                if (digit < 0)
                {
                    return original;
                }
                var end = digit;
                while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] == '.'))
                {
                    end++;
                }
                return Encoding.UTF8.GetBytes(string.Concat(text.AsSpan(0, digit), mutation.Text, text.AsSpan(end)));
            case Kind.Run:
                return [.. original.Take(at), .. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(mutation.Text, mutation.Count))), .. original.Skip(at)];
            default:
                // A line written twice: in JSON, most often a key twice in one object.
                var lines = Encoding.UTF8.GetString(original).Split('\n').ToList();
                var line = at % lines.Count;
                lines.Insert(line, lines[line]);
                return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
    }

    public void Dispose() => content.Dispose();
}
