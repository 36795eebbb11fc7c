using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>The content vocabulary is kept once in C# enums; the JSON Schemas editors see must offer exactly the same words.</summary>
public sealed class VocabularyTests
{
    public static TheoryData<string, string, Type> SchemaEnums => new()
    {
        { "cijfers.schema.json", "eenheid", typeof(FigureUnit) },
        { "cijfers.schema.json", "benadering", typeof(Approximation) },
        { "cijfers.schema.json", "bewerking", typeof(DerivationOperation) },
        { "cijfers.schema.json", "soort", typeof(ChartKind) },
        { "vergaderingen.schema.json", "soort", typeof(MeetingKind) },
        { "publicatie.schema.json", "soort", typeof(PublicationLinkKind) },
    };

    [Theory]
    [MemberData(nameof(SchemaEnums))]
    public void SchemaEnum_HasExactlyTheWordsOfTheCSharpEnum(string schema, string property, Type type)
    {
        var inSchema = Enums(schema).Where(e => e.Property == property).Select(e => e.Words).ToList();

        Assert.NotEmpty(inSchema);
        Assert.All(inSchema, words => Assert.Equal(Words(type), words));
    }

    [Fact]
    public void EverySchemaEnum_HasACSharpEnum()
    {
        var mapped = SchemaEnums.Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        var schemas = Directory.GetFiles(ContentFixture.LiveContent, "*.schema.json").Select(Path.GetFileName).OfType<string>();

        Assert.All(schemas.SelectMany(s => Enums(s).Select(e => (s, e.Property))), e => Assert.Contains(e, mapped));
    }

    [Fact]
    public void EveryEnumMember_ReadsFromItsWord()
    {
        foreach (var word in Words(typeof(FigureUnit)))
        {
            Assert.Equal(word, JsonSerializer.Serialize(JsonSerializer.Deserialize<FigureUnit>($"\"{word}\"")).Trim('"'));
        }
    }

    private static List<string> Words(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static List<(string Property, List<string> Words)> Enums(string schema)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContentFixture.LiveContent, schema)));
        var found = new List<(string, List<string>)>();
        Walk(document.RootElement, found);
        return found;
    }

    private static void Walk(JsonElement element, List<(string, List<string>)> found)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, found);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && property.Value.TryGetProperty("enum", out var words))
            {
                found.Add((property.Name, words.EnumerateArray().Select(w => w.GetString()).OfType<string>().Order(StringComparer.Ordinal).ToList()));
            }
            Walk(property.Value, found);
        }
    }
}
