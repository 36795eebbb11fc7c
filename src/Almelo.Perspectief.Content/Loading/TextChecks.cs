using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>Checks shared by JSON and Markdown: encoding, line endings and invisible characters.</summary>
internal static class TextChecks
{
    /// <summary>
    /// The index of the first invisible character that changes how text is shown (a bidi override, a zero-width
    /// space, a control character), or -1. Such characters make a text read differently from what it says.
    /// </summary>
    public static int FindInvisible(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsInvisible(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool IsInvisible(char c) => c switch
    {
        '\t' or '\n' or '\r' => false,
        < ' ' => true,
        >= '\u007F' and <= '\u009F' => true,
        '\u200B' or '\u200E' or '\u200F' or '\u2060' or '\uFEFF' => true,
        >= '\u202A' and <= '\u202E' => true,
        >= '\u2066' and <= '\u2069' => true,
        _ => false,
    };

    public static string InvisibleMessage(char c) =>
        $"Hier staat een onzichtbaar teken (U+{(int)c:X4}) dat de leesrichting of de weergave van de tekst verandert. Haal het weg: typ de tekst opnieuw, of plak hem als platte tekst.";

    /// <summary>
    /// A text file's bytes, ready to read as UTF-8: without a byte order mark, and with a lone \r (old Mac line ends)
    /// as \n. Null, with an error at the first byte that is not valid UTF-8: such a byte is never replaced silently.
    /// </summary>
    public static byte[]? ValidUtf8(ReadOnlySpan<byte> bytes, string file, ICollection<ContentError> errors)
    {
        var text = (bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes).ToArray();
        NormalizeLoneCarriageReturns(text);
        var invalid = FindInvalidUtf8(text);
        if (invalid >= 0)
        {
            var (line, column) = Position(text, invalid);
            errors.Add(new ContentError(file, line, column, InvalidUtf8Message));
            return null;
        }
        return text;
    }

    /// <summary>The offset of the first byte that is not valid UTF-8, or -1.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return -1;
        }
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }
            offset += consumed;
        }
        return -1;
    }

    private const string InvalidUtf8Message = "Dit bestand is geen geldige UTF-8-tekst: hier staat een teken dat niet kan worden gelezen. Sla het bestand op als UTF-8 (in de meeste editors: Opslaan als, codering UTF-8) en controleer deze plek.";

    /// <summary>Line and column (1-based, in characters) of a byte offset in UTF-8 text with \n line ends.</summary>
    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        var column = 1;
        for (var i = lineStart; i < offset && i < utf8.Length; i++)
        {
            if ((utf8[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return (line, column);
    }

    /// <summary>A carriage return that no line feed follows (old Mac line ends) becomes a line feed, in place.</summary>
    private static void NormalizeLoneCarriageReturns(Span<byte> utf8)
    {
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\r' && (i + 1 == utf8.Length || utf8[i + 1] != (byte)'\n'))
            {
                utf8[i] = (byte)'\n';
            }
        }
    }

    public static string Format(int number) => number.ToString("N0", CultureInfo.GetCultureInfo("nl-NL"));
}
