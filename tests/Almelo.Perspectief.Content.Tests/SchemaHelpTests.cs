using System.Text.Json;
using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Help while typing: an editor in VS Code or github.dev sees the schemas' Dutch descriptions on every field and
/// every choice, because .vscode/settings.json and each file's own "$schema" name the schema (docs/inhoud-bewerken.md).
/// </summary>
public sealed partial class SchemaHelpTests
{
    private static readonly string Content = ContentFixture.LiveContent;

    public static TheoryData<string> Schemas => [.. Directory.GetFiles(Content, "*.schema.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Schemas))]
    public void Schema_EveryPropertyAndEnumValue_HasADutchDescription(string schema)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Content, schema)));
        var missing = new List<string>();

        Walk(document.RootElement, string.Empty, missing);

        Assert.True(missing.Count == 0, $"{schema}: geen Nederlandse uitleg bij{Environment.NewLine}{string.Join(Environment.NewLine, missing)}");
    }

    [Fact]
    public void ContentJson_SchemaKey_NamesTheShippedSchemaOfItsKind()
    {
        var files = Directory.GetFiles(Content, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var reference = document.RootElement.TryGetProperty("$schema", out var value) ? value.GetString() : null;
            Assert.True(reference is not null, $"{file}: \"$schema\" ontbreekt");
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference!));
            Assert.True(File.Exists(target), $"{file}: \"$schema\" {reference} bestaat niet");
            Assert.Equal(SchemaOf(file), Path.GetFileName(target));
            Assert.Equal(Content, Path.GetDirectoryName(target));
        }
    }

    [Fact]
    public void VsCodeSettings_MapEverySchema_ToItsContentFiles()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContentFixture.RepositoryRoot, ".vscode", "settings.json")));
        var mapped = settings.RootElement.GetProperty("json.schemas").EnumerateArray()
            .ToDictionary(m => m.GetProperty("url").GetString()!, m => m.GetProperty("fileMatch").EnumerateArray().Select(p => p.GetString()!).ToList());

        var expected = Directory.GetFiles(Content, "*.schema.json").Select(s => "./content/" + Path.GetFileName(s)).Order(StringComparer.Ordinal);
        Assert.Equal(expected, mapped.Keys.Order(StringComparer.Ordinal));
        foreach (var file in Directory.GetFiles(Content, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            var relative = "/" + Path.GetRelativePath(ContentFixture.RepositoryRoot, file).Replace('\\', '/');
            var schemas = mapped.Where(m => m.Value.Any(pattern => Glob(pattern).IsMatch(relative))).Select(m => m.Key).ToList();
            Assert.Equal(["./content/" + SchemaOf(file)], schemas);
        }
    }

    /// <summary>The schema of a content file: its own name (cijfers.json), or for a translation (vertaling.en.json, site.en.json) the translation's schema.</summary>
    private static string SchemaOf(string file) => Path.GetFileName(file) switch
    {
        "site.en.json" => "site-vertaling.schema.json",
        var name when name.EndsWith(".en.json", StringComparison.Ordinal) => name[..^".en.json".Length] + ".schema.json",
        var name => Path.GetFileNameWithoutExtension(name) + ".schema.json",
    };

    /// <summary>
    /// Each field (under properties or $defs) and each enum needs a Dutch text; an "if" only names a field to test a
    /// condition, and the editor never shows it.
    /// </summary>
    private static void Walk(JsonElement node, string path, List<string> missing)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (node.TryGetProperty("enum", out var values))
        {
            var texts = node.TryGetProperty("enumDescriptions", out var described) ? described.EnumerateArray().Select(d => d.GetString() ?? string.Empty).ToList() : [];
            var options = values.EnumerateArray().Select(v => v.ToString()).ToList();
            for (var i = 0; i < options.Count; i++)
            {
                if (i >= texts.Count || !IsDutch(texts[i]))
                {
                    missing.Add($"{path} (keuze '{options[i]}')");
                }
            }
        }
        foreach (var member in node.EnumerateObject())
        {
            switch (member.Name)
            {
                case "properties" or "$defs":
                    foreach (var field in member.Value.EnumerateObject())
                    {
                        var fieldPath = $"{path}/{member.Name}/{field.Name}";
                        if (!(field.Value.TryGetProperty("description", out var text) && IsDutch(text.GetString())))
                        {
                            missing.Add(fieldPath);
                        }
                        Walk(field.Value, fieldPath, missing);
                    }
                    break;
                case "items" or "additionalProperties" or "then" or "else":
                    Walk(member.Value, $"{path}/{member.Name}", missing);
                    break;
                case "allOf" or "anyOf" or "oneOf":
                    var index = 0;
                    foreach (var branch in member.Value.EnumerateArray())
                    {
                        Walk(branch, $"{path}/{member.Name}/{index++}", missing);
                    }
                    break;
            }
        }
    }

    /// <summary>A sentence, not a name or a placeholder: some words long, with at least one common Dutch word.</summary>
    private static bool IsDutch(string? text) =>
        text is not null && text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && DutchWord().IsMatch(text);

    [GeneratedRegex(@"\b(de|het|een|van|en|of|in|op|met|als|voor|zoals|wat|waar|hoe|is|dit|deze|niet|alleen)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DutchWord();

    /// <summary>VS Code's fileMatch: '*' is any name within one folder.</summary>
    private static Regex Glob(string pattern) =>
        new("^" + string.Join("[^/]*", pattern.Split('*').Select(Regex.Escape)) + "$", RegexOptions.None, TimeSpan.FromSeconds(1));
}
