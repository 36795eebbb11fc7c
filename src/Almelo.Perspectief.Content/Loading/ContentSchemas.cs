using System.Text.Json;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;
using Json.Schema;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// The JSON Schemas that ship beside the content (compiled into this library), and the translation of their
/// findings into plain-Dutch messages that name the field to change.
/// </summary>
internal static partial class ContentSchemas
{
    public const string Publicatie = "publicatie.schema.json";
    public const string Cijfers = "cijfers.schema.json";
    public const string Vergaderingen = "vergaderingen.schema.json";

    private static readonly Lazy<IReadOnlyDictionary<string, (JsonSchema Schema, JsonElement Document)>> Schemas = new(LoadAll);

    [GeneratedRegex("\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    /// <summary>Checks a parsed file against its schema; adds one error per problem and tells whether it passed.</summary>
    public static bool Validate(JsonDocumentSource source, string schemaName, ICollection<ContentError> errors)
    {
        var (schema, document) = Schemas.Value[schemaName];
        var result = schema.Evaluate(source.Root, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return true;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var detail in result.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is null)
            {
                continue;
            }
            var location = detail.InstanceLocation.ToString();
            foreach (var (keyword, message) in detail.Errors)
            {
                var (pointer, text) = Translate(keyword, message, location, KeywordValue(document, detail.SchemaLocation));
                if (text is not null && seen.Add(pointer + text))
                {
                    errors.Add(source.ErrorAt(pointer, text));
                }
            }
        }
        return false;
    }

    private static (string Pointer, string? Message) Translate(string keyword, string english, string location, JsonElement? rule)
    {
        var field = FieldName(location);
        switch (keyword)
        {
            case "required":
                var missing = string.Join("', '", QuotedName().Matches(english).Select(m => m.Groups[1].Value));
                return (location, $"Het veld '{missing}' ontbreekt{In(location)}. Voeg het toe.");
            case "additionalProperties":
            case "false":
            case "":
                return (location, $"Het veld '{field}' bestaat hier niet. Controleer de spelling of haal het weg.");
            case "propertyNames":
                return (location, $"'{field}' is geen geldige naam: gebruik alleen kleine letters, cijfers en streepjes.");
            case "type":
                return (location, $"'{field}' moet {TypeWord(rule)} zijn.");
            case "enum":
                var options = rule is { ValueKind: JsonValueKind.Array } values
                    ? string.Join(", ", values.EnumerateArray().Select(v => v.ToString()))
                    : english;
                return (location, $"'{field}' moet een van deze waarden zijn: {options}.");
            case "pattern":
                return (location, PatternMessage(field, rule?.GetString()));
            case "minLength":
                return (location, $"'{field}' mag niet leeg zijn.");
            case "minItems":
                return (location, $"'{field}' moet minstens {rule} onderdelen hebben.");
            case "const":
            case "anyOf":
                return (location, $"'{field}' heeft hier een waarde die niet past. Kijk in de inhoudsgids welke waarden mogen.");
            default:
                return (location, $"'{field}' past niet bij de afspraken voor dit bestand ({keyword}: {english}).");
        }
    }

    private static string PatternMessage(string field, string? pattern) => pattern switch
    {
        { } p when p.Contains("[0-9]{4}-", StringComparison.Ordinal) => $"'{field}' moet een datum zijn in de vorm jaar-maand-dag, bijvoorbeeld 2025-07-01.",
        { } p when p.Contains("[0-9]{2}:", StringComparison.Ordinal) => $"'{field}' moet een tijd zijn in de vorm uur:minuten, bijvoorbeeld 19:30.",
        { } p when p.Contains("https", StringComparison.Ordinal) => $"'{field}' moet een webadres zijn dat begint met https://.",
        _ => $"'{field}' mag alleen kleine letters, cijfers en streepjes bevatten, zonder spaties (bijvoorbeeld 'banen-2024').",
    };

    private static string TypeWord(JsonElement? rule) => rule?.ValueKind == JsonValueKind.String
        ? rule.Value.GetString() switch
        {
            "number" => "een getal zonder aanhalingstekens (bijvoorbeeld 49000)",
            "integer" => "een heel getal zonder aanhalingstekens",
            "string" => "tekst tussen aanhalingstekens",
            "boolean" => "true of false (zonder aanhalingstekens)",
            "array" => "een lijst tussen [ en ]",
            "object" => "een blok tussen { en }",
            var other => other ?? "iets anders",
        }
        : "van een ander soort";

    private static string FieldName(string pointer)
    {
        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToArray();
        if (segments.Length == 0)
        {
            return "het bestand";
        }
        var last = segments[^1];
        return int.TryParse(last, out var index) && segments.Length > 1
            ? $"{segments[^2]} nummer {index + 1}"
            : last;
    }

    private static string In(string location) => location.Length == 0 ? string.Empty : $" in '{FieldName(location)}'";

    private static JsonElement? KeywordValue(JsonElement schema, Uri schemaLocation)
    {
        var fragment = Uri.UnescapeDataString(schemaLocation.Fragment.TrimStart('#'));
        var current = schema;
        foreach (var segment in fragment.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(name, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }
        return current;
    }

    private static Dictionary<string, (JsonSchema, JsonElement)> LoadAll()
    {
        var assembly = typeof(ContentSchemas).Assembly;
        var result = new Dictionary<string, (JsonSchema, JsonElement)>(StringComparer.Ordinal);
        foreach (var name in new[] { Publicatie, Cijfers, Vergaderingen })
        {
            using var stream = assembly.GetManifestResourceStream("Schemas." + name)
                ?? throw new InvalidOperationException($"Schema {name} is not embedded.");
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd();
            using var document = JsonDocument.Parse(text);
            result[name] = (JsonSchema.FromText(text), document.RootElement.Clone());
        }
        return result;
    }

    /// <summary>The schema text as shipped, for serving to editors' tools.</summary>
    public static string Text(string name)
    {
        using var stream = typeof(ContentSchemas).Assembly.GetManifestResourceStream("Schemas." + name)
            ?? throw new ArgumentException($"Unknown schema {name}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
