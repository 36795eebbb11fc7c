using System.Text.Json;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;
using Json.Pointer;
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
    public const string Begrippen = "begrippen.schema.json";
    public const string Site = "site.schema.json";
    public const string Vertaling = "vertaling.schema.json";
    public const string SiteVertaling = "site-vertaling.schema.json";

    private static readonly Lazy<IReadOnlyDictionary<string, (JsonSchema Schema, JsonElement Document)>> Schemas = new(LoadAll);

    [GeneratedRegex("\"([^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();

    /// <summary>Checks a parsed file against its schema; adds one error per problem and tells whether it passed.</summary>
    public static bool Validate(JsonDocumentSource source, string schemaName, ICollection<ContentError> errors)
    {
        var (schema, document) = Schemas.Value[schemaName];
        var result = schema.Evaluate(source.Root, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (result.IsValid)
        {
            return true;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Report(result, source, document, seen, errors);
        return false;
    }

    /// <summary>Walks only the failing branches; a failed "if" is a condition that did not apply, not an error.</summary>
    private static void Report(EvaluationResults node, JsonDocumentSource source, JsonElement document, HashSet<string> seen, ICollection<ContentError> errors)
    {
        if (node.IsValid || node.EvaluationPath.ToString().EndsWith("/if", StringComparison.Ordinal))
        {
            return;
        }
        var location = node.InstanceLocation.ToString();
        foreach (var (keyword, message) in node.Errors ?? [])
        {
            var text = Translate(keyword, message, location, KeywordValue(document, node.EvaluationPath, keyword));
            if (seen.Add(location + text))
            {
                errors.Add(source.ErrorAt(location, text));
            }
        }
        foreach (var detail in node.Details ?? [])
        {
            Report(detail, source, document, seen, errors);
        }
    }

    private static string Translate(string keyword, string english, string location, JsonElement? rule)
    {
        var field = FieldName(location);
        switch (keyword)
        {
            case "required":
                var missing = string.Join("', '", QuotedName().Matches(english).Select(m => m.Groups[1].Value));
                return $"Het veld '{missing}' ontbreekt{In(location)}. Voeg het toe.";
            case "additionalProperties":
            case "false":
            case "":
                return $"Het veld '{field}' bestaat hier niet. Controleer de spelling of haal het weg.";
            case "propertyNames":
                return $"'{field}' is geen geldige naam: gebruik alleen kleine letters, cijfers en streepjes.";
            case "type":
                return $"'{field}' moet {TypeWord(rule)} zijn.";
            case "enum":
                var options = rule is { ValueKind: JsonValueKind.Array } values
                    ? string.Join(", ", values.EnumerateArray().Select(v => v.ToString()))
                    : english;
                return $"'{field}' moet een van deze waarden zijn: {options}.";
            case "pattern":
                return PatternMessage(field, rule?.GetString());
            case "minLength":
                return $"'{field}' mag niet leeg zijn.";
            case "minItems":
                return $"'{field}' moet minstens {rule} onderdelen hebben.";
            case "maxItems":
                return $"'{field}' heeft te veel onderdelen: het mogen er hoogstens {rule} zijn. Haal er een paar weg.";
            case "maxLength":
                return $"'{field}' is te lang: het mag hoogstens {rule} tekens hebben. Maak het korter.";
            case "const":
            case "anyOf":
                return $"'{field}' heeft hier een waarde die niet past. Kijk in de inhoudsgids welke waarden mogen.";
            default:
                return $"'{field}' past niet bij de afspraken voor dit bestand ({keyword}: {english}).";
        }
    }

    private static string PatternMessage(string field, string? pattern) => pattern switch
    {
        { } p when p.Contains("[0-9]{4}-", StringComparison.Ordinal) => $"'{field}' moet een datum zijn in de vorm jaar-maand-dag, bijvoorbeeld 2025-07-01.",
        { } p when p.Contains("[0-9]{2}:", StringComparison.Ordinal) => $"'{field}' moet een tijd zijn in de vorm uur:minuten, bijvoorbeeld 19:30.",
        { } p when p.Contains("https", StringComparison.Ordinal) => $"'{field}' moet een webadres zijn dat begint met https://.",
        { } p when p.Contains("txt|pdf", StringComparison.Ordinal) => $"'{field}' moet een bestandsnaam in deze map zijn, met kleine letters en zonder spaties, die eindigt op .txt, .pdf, .png of .jpg (bijvoorbeeld bronnen/persbericht.txt).",
        { } p when p.Contains('@', StringComparison.Ordinal) => $"'{field}' moet een e-mailadres zijn, bijvoorbeeld communicatie@almelo.nl.",
        { } p when p.Contains("+()", StringComparison.Ordinal) => $"'{field}' moet een telefoonnummer zijn met alleen cijfers, spaties, +, ( ) of -, bijvoorbeeld 14 0546.",
        _ => $"'{field}' mag alleen kleine letters, cijfers en streepjes bevatten, zonder spaties (bijvoorbeeld 'banen-2024').",
    };

    private static string TypeWord(JsonElement? rule) => rule switch
    {
        { ValueKind: JsonValueKind.Array } types => string.Join(" of ", types.EnumerateArray().Select(t => TypeWord(t))),
        { ValueKind: JsonValueKind.String } type when type.GetString() == "null" => "null",
        { ValueKind: JsonValueKind.String } type => type.GetString() switch
        {
            "number" => "een getal zonder aanhalingstekens (bijvoorbeeld 12500)",
            "integer" => "een heel getal zonder aanhalingstekens",
            "string" => "tekst tussen aanhalingstekens",
            "boolean" => "true of false (zonder aanhalingstekens)",
            "array" => "een lijst tussen [ en ]",
            "object" => "een blok tussen { en }",
            var other => other ?? "iets anders",
        },
        _ => "van een ander soort",
    };

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

    /// <summary>
    /// The value of the failing keyword in our schema (the expected type, the allowed values), found by following
    /// the evaluation path through the schema document. Segments the document does not have (the library repeats
    /// "items") are skipped; "$ref" is followed within the document.
    /// </summary>
    private static JsonElement? KeywordValue(JsonElement schema, JsonPointer evaluationPath, string keyword)
    {
        var current = schema;
        foreach (var segment in evaluationPath.ToString().Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (name == "$ref" && current.TryGetProperty("$ref", out var reference) && Resolve(schema, reference.GetString()) is { } target)
            {
                current = target;
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(name, out var next))
            {
                current = next;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(name, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
        }
        return current.ValueKind == JsonValueKind.Object && current.TryGetProperty(keyword, out var value) ? value : null;
    }

    private static JsonElement? Resolve(JsonElement schema, string? reference)
    {
        if (reference is null || !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            return null;
        }
        var current = schema;
        foreach (var segment in reference[2..].Split('/'))
        {
            if (!current.TryGetProperty(segment, out current))
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
        foreach (var name in new[] { Publicatie, Cijfers, Vergaderingen, Begrippen, Site, Vertaling, SiteVertaling })
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
}
