using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// A JSON content file with the line and column of every value, keyed by JSON Pointer,
/// so that schema and rule errors can name the place an editor has to change.
/// </summary>
internal sealed partial class JsonDocumentSource
{
    private readonly Dictionary<string, (int Line, int Column)> positions;

    private JsonDocumentSource(string relativePath, JsonElement root, Dictionary<string, (int Line, int Column)> positions)
    {
        RelativePath = relativePath;
        Root = root;
        this.positions = positions;
    }

    public string RelativePath { get; }

    public JsonElement Root { get; }

    /// <summary>
    /// Parses the file; on malformed JSON, invalid UTF-8 or a key written twice in one object returns null and reports
    /// where. Line ends may be \n, \r\n or \r; columns count characters, not bytes.
    /// </summary>
    public static JsonDocumentSource? Parse(byte[] utf8, string relativePath, ICollection<ContentError> errors)
    {
        if (TextChecks.ValidUtf8(utf8, relativePath, errors) is not { } text)
        {
            return null;
        }
        var bytes = text.AsSpan();
        var lines = new LineMap(bytes);
        try
        {
            var map = MapPositions(bytes, lines, relativePath, errors);
            if (map is null)
            {
                return null;
            }
            using var document = JsonDocument.Parse(bytes.ToArray());
            return new JsonDocumentSource(relativePath, document.RootElement.Clone(), map);
        }
        catch (JsonException e)
        {
            var offset = lines.Offset((int)(e.LineNumber ?? 0), (int)(e.BytePositionInLine ?? 0));
            // A number typed the Dutch way (15,000) or with € breaks the JSON: say that, at the number.
            if (TypedNumbers.AtSyntaxError(bytes, offset) is var (start, message))
            {
                var (numberLine, numberColumn) = lines.Locate(start);
                errors.Add(new ContentError(relativePath, numberLine, numberColumn, message));
                return null;
            }
            var (at, column) = lines.Locate(offset);
            errors.Add(new ContentError(
                relativePath,
                at,
                column,
                "Dit is geen geldige JSON. Kijk vlak voor deze plek of er een komma, aanhalingsteken of haakje ontbreekt of te veel is."));
            return null;
        }
    }

    /// <summary>
    /// Reads the file into its record type. A number that does not fit its field (too large, or 3.0 where a whole
    /// number belongs) is an error at that number, never an exception.
    /// </summary>
    public T? Read<T>(ICollection<ContentError> errors)
        where T : class
    {
        try
        {
            return ContentJson.Read<T>(Root);
        }
        catch (JsonException e)
        {
            errors.Add(ErrorAt(Pointer(e.Path), "Dit getal kan de site niet lezen: het is te groot, of er staat een kommagetal waar een heel getal hoort (schrijf bijvoorbeeld 3, niet 3.0). Verbeter het getal."));
            return null;
        }
    }

    /// <summary>A System.Text.Json path (<c>$.cijfers[0]['a.b']</c>) as a JSON Pointer (<c>/cijfers/0/a.b</c>).</summary>
    private static string Pointer(string? path)
    {
        var pointer = new StringBuilder();
        var rest = (path ?? "$").AsSpan(1);
        while (rest.Length > 0)
        {
            if (rest.StartsWith("['"))
            {
                var end = rest.IndexOf("']");
                if (end < 0)
                {
                    break;
                }
                pointer.Append('/').Append(Escape(rest[2..end].ToString()));
                rest = rest[(end + 2)..];
            }
            else if (rest[0] == '[')
            {
                var end = rest.IndexOf(']');
                if (end < 0)
                {
                    break;
                }
                pointer.Append('/').Append(rest[1..end]);
                rest = rest[(end + 1)..];
            }
            else
            {
                var name = rest[1..];
                var end = name.IndexOfAny('.', '[');
                var part = end < 0 ? name : name[..end];
                pointer.Append('/').Append(Escape(part.ToString()));
                rest = end < 0 ? [] : name[end..];
            }
        }
        return pointer.ToString();
    }

    /// <summary>Where a JSON Pointer's value starts, for a warning that points there.</summary>
    public ContentLocation LocationOf(string pointer)
    {
        var at = ErrorAt(pointer, string.Empty);
        return new ContentLocation(at.File, at.Line, at.Column);
    }

    /// <summary>The error at the value a JSON Pointer names, or at its nearest existing parent.</summary>
    public ContentError ErrorAt(string pointer, string message)
    {
        var path = pointer;
        while (!positions.ContainsKey(path) && path.Length > 0)
        {
            path = path[..path.LastIndexOf('/')];
        }
        var (line, column) = positions.GetValueOrDefault(path, (1, 1));
        return new ContentError(RelativePath, line, column, message);
    }

    /// <summary>A date (<c>2025-07-01</c>) at a JSON Pointer, or null with an error there when it is no real date or lies beyond the bounds.</summary>
    public DateOnly? ReadDate(string text, string pointer, ICollection<ContentError> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            if (date >= ContentLimits.FirstDate && date <= ContentLimits.LastDate)
            {
                return date;
            }
            errors.Add(ErrorAt(pointer, $"De datum {text} ligt te ver weg. Een datum ligt tussen {ContentLimits.FirstDate:yyyy-MM-dd} en {ContentLimits.LastDate:yyyy-MM-dd}; controleer het jaar."));
            return null;
        }
        errors.Add(ErrorAt(pointer, $"'{text}' is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld 2025-07-01."));
        return null;
    }

    /// <summary>
    /// Text in JSON is shown as plain text (encoded) on the page, so markup can do no harm there; but a pasted
    /// script, HTML tag or script link is always a mistake, and the editor should hear of it.
    /// </summary>
    public void CheckTexts(ICollection<ContentError> errors) => CheckTexts(Root, string.Empty, errors);

    private void CheckTexts(JsonElement element, string pointer, ICollection<ContentError> errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var at = pointer + "/" + Escape(property.Name);
                    // Names are ids too (of sections, of old ids): a schema pattern's $ lets a final line break through.
                    if (property.Name.Any(char.IsControl) || TextChecks.FindInvisible(property.Name) >= 0)
                    {
                        errors.Add(ErrorAt(at, "De naam vóór de dubbele punt bevat een regeleinde, tab of ander onzichtbaar teken. Typ de naam opnieuw, met alleen kleine letters, cijfers en streepjes."));
                    }
                    CheckTexts(property.Value, at, errors);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckTexts(item, $"{pointer}/{index++}", errors);
                }
                break;
            case JsonValueKind.String when element.GetString() is { } text:
                CheckText(text, pointer, errors);
                break;
        }
    }

    private void CheckText(string text, string pointer, ICollection<ContentError> errors)
    {
        if (text.Length > ContentLimits.MaxJsonTextLength)
        {
            errors.Add(ErrorAt(pointer, $"Deze tekst is te lang ({TextChecks.Format(text.Length)} tekens). Een tekst mag hoogstens {TextChecks.Format(ContentLimits.MaxJsonTextLength)} tekens hebben; lange tekst hoort in tekst.md."));
        }
        else if (pointer.EndsWith("/id", StringComparison.Ordinal) && text.Any(char.IsControl))
        {
            errors.Add(ErrorAt(pointer, "Een id mag geen regeleinde, tab of ander onzichtbaar teken bevatten. Gebruik alleen kleine letters, cijfers en streepjes."));
        }
        else if (TextChecks.FindInvisible(text) is var at and >= 0)
        {
            errors.Add(ErrorAt(pointer, TextChecks.InvisibleMessage(text[at])));
        }
        else if (UnsafeText().IsMatch(text))
        {
            errors.Add(ErrorAt(pointer, "HTML, een <script> of een javascript:- of data:-link is niet toegestaan in een tekst. Schrijf gewone tekst."));
        }
    }

    /// <summary>Every string value in the file with its JSON Pointer, for <see cref="ErrorAt"/>.</summary>
    public IEnumerable<(string Pointer, string Text)> Strings() => Strings(Root, string.Empty);

    private static IEnumerable<(string Pointer, string Text)> Strings(JsonElement element, string pointer) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value, pointer + "/" + Escape(p.Name))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((item, index) => Strings(item, $"{pointer}/{index}")),
        JsonValueKind.String => [(pointer, element.GetString() ?? string.Empty)],
        _ => [],
    };

    [GeneratedRegex(@"<\s*[a-zA-Z!/]|\b(javascript|vbscript)\s*:|\bdata:\s*[a-z]+/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeText();

    private static Dictionary<string, (int Line, int Column)>? MapPositions(ReadOnlySpan<byte> json, LineMap lines, string relativePath, ICollection<ContentError> errors)
    {
        var map = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var duplicates = false;
        var containers = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? property = null;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var position = lines.Locate((int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString() ?? string.Empty;
                if (!map.TryAdd(containers.Peek().Path + "/" + Escape(property), position))
                {
                    duplicates = true;
                    errors.Add(new ContentError(relativePath, position.Line, position.Column, $"Het veld '{property}' staat twee keer in hetzelfde blok. Haal er één weg: anders is niet duidelijk welke waarde geldt."));
                }
                continue;
            }
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                containers.Pop();
                continue;
            }

            string path;
            if (containers.Count == 0)
            {
                path = string.Empty;
            }
            else if (containers.Peek().IsArray)
            {
                var parent = containers.Pop();
                path = parent.Path + "/" + parent.NextIndex;
                containers.Push(parent with { NextIndex = parent.NextIndex + 1 });
            }
            else
            {
                path = containers.Peek().Path + "/" + Escape(property ?? string.Empty);
            }
            map.TryAdd(path, position);

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        return duplicates ? null : map;
    }

    /// <summary>Line starts of a file, to turn byte offsets into line and column; offsets asked in increasing order cost linear time in all.</summary>
    private sealed class LineMap
    {
        private readonly byte[] json;
        private readonly List<int> lineStarts = [0];
        private int lastOffset;
        private int lastLine;
        private int lastColumn = 1;

        public LineMap(ReadOnlySpan<byte> json)
        {
            this.json = json.ToArray();
            for (var i = 0; i < json.Length; i++)
            {
                if (json[i] == (byte)'\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        /// <summary>The byte offset of a 0-based line and a byte position in it.</summary>
        public int Offset(int line, int bytePosition) => Math.Min(lineStarts[Math.Clamp(line, 0, lineStarts.Count - 1)] + bytePosition, json.Length);

        public (int Line, int Column) Locate(int offset)
        {
            var line = lineStarts.BinarySearch(offset);
            if (line < 0)
            {
                line = ~line - 1;
            }
            var (from, column) = line == lastLine && offset >= lastOffset ? (lastOffset, lastColumn) : (lineStarts[line], 1);
            for (var i = from; i < offset; i++)
            {
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if ((json[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
            (lastLine, lastOffset, lastColumn) = (line, offset, column);
            return (line + 1, column);
        }
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
