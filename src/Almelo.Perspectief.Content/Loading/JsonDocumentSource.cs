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

    /// <summary>Parses the file; on malformed JSON returns null and reports where the parser stopped.</summary>
    public static JsonDocumentSource? Parse(byte[] utf8, string relativePath, ICollection<ContentError> errors)
    {
        var bytes = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;
        try
        {
            var map = MapPositions(bytes);
            using var document = JsonDocument.Parse(bytes);
            return new JsonDocumentSource(relativePath, document.RootElement.Clone(), map);
        }
        catch (JsonException e)
        {
            errors.Add(new ContentError(
                relativePath,
                (int)(e.LineNumber ?? 0) + 1,
                (int)(e.BytePositionInLine ?? 0) + 1,
                "Dit is geen geldige JSON. Kijk vlak voor deze plek of er een komma, aanhalingsteken of haakje ontbreekt of te veel is."));
            return null;
        }
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
                    CheckTexts(property.Value, pointer + "/" + Escape(property.Name), errors);
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    CheckTexts(item, $"{pointer}/{index++}", errors);
                }
                break;
            case JsonValueKind.String when element.GetString() is { } text && UnsafeText().IsMatch(text):
                errors.Add(ErrorAt(pointer, "HTML, een <script> of een javascript:- of data:-link is niet toegestaan in een tekst. Schrijf gewone tekst."));
                break;
        }
    }

    [GeneratedRegex(@"<\s*[a-zA-Z!/]|\b(javascript|vbscript)\s*:|\bdata:\s*[a-z]+/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnsafeText();

    private static Dictionary<string, (int Line, int Column)> MapPositions(ReadOnlySpan<byte> json)
    {
        var map = new Dictionary<string, (int Line, int Column)>(StringComparer.Ordinal);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < json.Length; i++)
        {
            if (json[i] == (byte)'\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        var containers = new Stack<(string Path, bool IsArray, int NextIndex)>();
        string? property = null;
        var reader = new Utf8JsonReader(json);
        while (reader.Read())
        {
            var position = Locate(json, lineStarts, (int)reader.TokenStartIndex);
            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                property = reader.GetString();
                map[containers.Peek().Path + "/" + Escape(property!)] = position;
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
                path = containers.Peek().Path + "/" + Escape(property!);
            }
            map.TryAdd(path, position);

            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
            }
        }
        return map;
    }

    private static (int Line, int Column) Locate(ReadOnlySpan<byte> json, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0)
        {
            line = ~line - 1;
        }
        var column = 1;
        for (var i = lineStarts[line]; i < offset; i++)
        {
            // Count characters, not bytes: skip UTF-8 continuation bytes.
            if ((json[i] & 0xC0) != 0x80)
            {
                column++;
            }
        }
        return (line + 1, column);
    }

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
