using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The examples in chapter 6 of the content guide (<c>docs/inhoud-bewerken.md</c>), put into the reference content
/// as an editor would: they must load without errors and do what the guide says. The ids the guide tells editors
/// not to choose are the ones the site reserves.
/// </summary>
public sealed partial class ContentGuideTests : IDisposable
{
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    [GeneratedRegex(@"^\s*```json\s*\n(?<body>.*?)^\s*```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex(@"^\s*```text\s*\n(?<body>.*?)^\s*```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex TextBlock();

    [GeneratedRegex(@"Deze ids gebruikt de site zelf; die mag je niet kiezen:\s*(?<list>[^\n]*)")]
    private static partial Regex ReservedIds();

    [GeneratedRegex(@"Een id mag ook niet beginnen met (?<list>[^:]*):")]
    private static partial Regex ReservedPrefixes();

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex Code();

    private static IEnumerable<string> Codes(Regex list)
    {
        var match = list.Match(File.ReadAllText(Path.Combine(ContentFixture.RepositoryRoot, "docs", "inhoud-bewerken.md")));
        Assert.True(match.Success, $"The guide has no line matching {list}.");
        return Code().Matches(match.Groups["list"].Value).Select(m => m.Groups["code"].Value).Order(StringComparer.Ordinal);
    }

    [Fact]
    public void ReservedIds_InTheGuide_AreTheOnesTheSiteReserves()
    {
        Assert.Equal(Anchors.Reserved.Order(StringComparer.Ordinal), Codes(ReservedIds()));
        Assert.Equal(Anchors.GeneratedPrefixes.Order(StringComparer.Ordinal), Codes(ReservedPrefixes()));
    }

    private static string Chapter6()
    {
        var guide = File.ReadAllText(Path.Combine(ContentFixture.RepositoryRoot, "docs", "inhoud-bewerken.md"));
        var start = guide.IndexOf("## 6. ", StringComparison.Ordinal);
        return guide[start..guide.IndexOf("## 7. ", start, StringComparison.Ordinal)];
    }

    /// <summary>Each example as JSON; a fragment such as <c>"status": { … }</c> becomes an object with that one field.</summary>
    private static List<JsonObject> Examples() => JsonBlock().Matches(Chapter6())
        .Select(m => m.Groups["body"].Value.Trim().TrimEnd(','))
        .Select(text => JsonNode.Parse(text.StartsWith('"') ? "{" + text + "}" : text)!.AsObject())
        .ToList();

    [Fact]
    public void Chapter6_Examples_LoadWithoutErrorsInTheReferenceContent()
    {
        var publicatie = JsonNode.Parse(File.ReadAllText(content.PathOf(Publicatie)))!.AsObject();
        var vergaderingen = JsonNode.Parse(File.ReadAllText(content.PathOf(Vergaderingen)))!["vergaderingen"]!.AsArray();
        foreach (var example in Examples())
        {
            if (example.ContainsKey("soort"))
            {
                var same = vergaderingen.FirstOrDefault(m => (string?)m!["id"] == (string?)example["id"]);
                vergaderingen.Insert(same is null ? vergaderingen.Count : vergaderingen.IndexOf(same), example.DeepClone());
                vergaderingen.Remove(same);
            }
            else if (example.ContainsKey("uitleg") && example["bron"] is { } stepSource)
            {
                // A step with its own source: appended, with a web source of that id.
                publicatie["tijdlijn"]!.AsArray().Add(example.DeepClone());
                publicatie["bronnen"]!.AsArray().Add(new JsonObject { ["id"] = stepSource.DeepClone(), ["titel"] = "Agenda", ["uitgever"] = "Gemeenteraad Almelo", ["url"] = "https://almelo.bestuurlijkeinformatie.nl/", ["geraadpleegd"] = "2026-12-04" });
            }
            else if (example["zinnen"] is { } sentences)
            {
                publicatie["status"]!["zinnen"] = sentences.DeepClone();
            }
            else if (example.ContainsKey("uitleg"))
            {
                var steps = publicatie["tijdlijn"]!.AsArray();
                var step = steps.Single(t => t!["vergaderingen"]?.ToJsonString() == example["vergaderingen"]!.ToJsonString());
                steps[steps.IndexOf(step)] = example.DeepClone();
            }
            else if (example["bronnen"] is JsonArray bronnen)
            {
                foreach (var bron in bronnen)
                {
                    publicatie["bronnen"]!.AsArray().Add(bron!.DeepClone());
                }
            }
            else
            {
                foreach (var (key, value) in example)
                {
                    publicatie[key] = value!.DeepClone();
                }
            }
        }
        content.Write(Publicatie, publicatie.ToJsonString());
        content.Write(Vergaderingen, new JsonObject { ["vergaderingen"] = vergaderingen.DeepClone() }.ToJsonString());

        var result = ContentLoader.Load(content.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var nota = result.Snapshot!.Find(ContentFixture.Slug)!;
        var full = nota.Meetings.Single(m => m.Id == "politieke-avond-2025-09-16");
        Assert.NotNull(full.StartTime);
        Assert.NotNull(full.EndTime);
        Assert.NotNull(full.Place?.Address);
        Assert.NotNull(full.Agenda);
        Assert.NotNull(full.Broadcast);
        Assert.NotNull(full.Speaking?.Link);
        var decided = nota.Meetings.Single(m => m.Id == "besluitvorming-2025-07-10");
        Assert.Equal("raadsbesluit", decided.Outcome?.Source.Id);
        Assert.NotNull(decided.Outcome?.Decision);
        Assert.Contains(nota.Links, l => l.Kind == PublicationLinkKind.Nota);
        Assert.Equal(DecisionStage.Decided, PublicationStatus.For(nota, new DateOnly(2026, 11, 26))!.Stage);
    }

    [Fact]
    public void Chapter6_WarningExample_IsWhatValidateSaysAboutTheShippedContent()
    {
        var shown = TextBlock().Matches(Chapter6()).Select(m => m.Groups["body"].Value.Trim()).Single(t => t.StartsWith(ContentWarning.Prefix, StringComparison.Ordinal));

        var actual = ContentWarning.For(ContentLoader.Load(ContentFixture.LiveContent).Snapshot!, new DateOnly(2026, 11, 28));

        Assert.Equal(shown, Assert.Single(actual).ToString());
    }

    [Fact]
    public void Chapter6_StatusExample_NamesEveryPlaceholderTheSiteFillsIn()
    {
        var status = Examples().Single(e => e.ContainsKey("status"))["status"]!.ToJsonString();

        Assert.All(StatusWording.Placeholders, p => Assert.Contains("{" + p + "}", status + Chapter6(), StringComparison.Ordinal));
    }
}
