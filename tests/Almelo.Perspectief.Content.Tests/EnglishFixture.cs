using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Writes a complete English translation of a fixture's publication and site settings, made from its Dutch files:
/// every text "EN " + the Dutch text, every id and count as in Dutch, and a short tekst.en.md with one section per
/// Dutch section. A test then breaks one field of it at a time.
/// </summary>
public static partial class EnglishFixture
{
    public const string Text = ContentFixture.Slug + "/tekst.en.md";
    public const string Words = ContentFixture.Slug + "/vertaling.en.json";
    public const string Site = "site.en.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"^## (?<title>.+?) \{#(?<id>[a-z0-9-]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    /// <summary>The content with all three English files.</summary>
    public static ContentFixture WithEnglish(this ContentFixture content)
    {
        content.Write(Text, Markdown(File.ReadAllText(content.PathOf(ContentFixture.Slug + "/tekst.md"))));
        content.Write(Words, Translation(content).ToJsonString(Indented));
        if (File.Exists(content.PathOf("site.json")))
        {
            content.Write(Site, SiteTranslation(Read(content, "site.json")).ToJsonString(Indented));
        }
        return content;
    }

    /// <summary>The English text: the Dutch sections in their order, the first with figures of each kind.</summary>
    private static string Markdown(string dutch)
    {
        var text = new StringBuilder();
        foreach (var (match, index) in Heading().Matches(dutch).Select((m, i) => (m, i)))
        {
            text.Append(CultureInvariant($"## EN {match.Groups["title"].Value} {{#{match.Groups["id"].Value}}}\n\n"));
            text.Append(index == 0
                ? "Almelo has to save {cijfer:besparing-totaal}, of which {cijfer:besparing-sociaal-domein} in the social domain. Since 2018 there are {cijfer:banen-groei} more jobs. Read [what it means for you](#voor-u).\n\n"
                : "EN text of this section.\n\n");
        }
        return text.ToString();
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private static JsonObject Translation(ContentFixture content)
    {
        var publicatie = Read(content, ContentFixture.Slug + "/publicatie.json");
        var cijfers = Read(content, ContentFixture.Slug + "/cijfers.json");
        var words = new JsonObject
        {
            ["$schema"] = "../vertaling.schema.json",
            ["titel"] = En(publicatie["titel"]),
            ["samenvatting"] = En(publicatie["samenvatting"]),
            ["wijzigingen"] = new JsonArray([.. Items(publicatie["wijzigingen"]).Select(w => En(w!["wat"]))]),
        };
        if (publicatie["citaat"] is JsonObject citaat)
        {
            words["citaat"] = new JsonObject { ["tekst"] = En(citaat["tekst"]), ["functie"] = En(citaat["functie"]) };
        }
        words["wetten"] = ById(publicatie["wetten"], w => new JsonObject { ["uitleg"] = En(w["uitleg"]) });
        if (publicatie["status"] is JsonObject status)
        {
            words["status"] = EnTexts(status);
        }
        if (publicatie["links"] is JsonArray links)
        {
            words["links"] = new JsonArray([.. links.Select(l => En(l!["titel"]))]);
        }
        if (publicatie["tijdlijn"] is JsonArray tijdlijn)
        {
            words["tijdlijn"] = new JsonArray([.. tijdlijn.Select(Step)]);
        }
        if (publicatie["berekend-door"] is { } berekendDoor)
        {
            words["berekend-door"] = En(berekendDoor);
        }
        words["bronnen"] = ById(publicatie["bronnen"], b => new JsonObject { ["titel"] = En(b["titel"]) });
        words["cijfers"] = ById(cijfers["cijfers"], c => En(c["label"]));
        words["grafieken"] = ById(cijfers["grafieken"], Chart);
        if (File.Exists(content.PathOf(ContentFixture.Slug + "/begrippen.json")))
        {
            words["begrippen"] = ById(Read(content, ContentFixture.Slug + "/begrippen.json")["begrippen"], b => new JsonObject
            {
                ["term"] = En(b["term"]),
                ["uitleg"] = En(b["uitleg"]),
            });
        }
        if (File.Exists(content.PathOf(ContentFixture.Slug + "/vergaderingen.json")))
        {
            words["vergaderingen"] = ById(Read(content, ContentFixture.Slug + "/vergaderingen.json")["vergaderingen"], Meeting);
        }
        return words;
    }

    private static JsonObject Step(JsonNode? step)
    {
        var stap = new JsonObject();
        if (step!["periode"] is { } periode)
        {
            stap["periode"] = En(periode);
        }
        stap["titel"] = En(step["titel"]);
        stap["uitleg"] = En(step["uitleg"]);
        return stap;
    }

    private static JsonObject Chart(JsonObject grafiek)
    {
        var chart = new JsonObject { ["titel"] = En(grafiek["titel"]), ["samenvatting"] = En(grafiek["samenvatting"]) };
        if (grafiek["delen"] is JsonArray delen)
        {
            chart["delen"] = new JsonArray([.. delen.Select(d => En(d!["label"]))]);
        }
        if (grafiek["categorieen"] is JsonArray categorieen)
        {
            chart["categorieen"] = new JsonArray([.. categorieen.Select(En)]);
        }
        if (grafiek["reeksen"] is JsonArray reeksen)
        {
            chart["reeksen"] = new JsonArray([.. reeksen.Select(r => En(r!["label"]))]);
        }
        return chart;
    }

    private static JsonObject Meeting(JsonObject vergadering)
    {
        var meeting = new JsonObject { ["onderwerp"] = En(vergadering["onderwerp"]) };
        if (vergadering["inspreken"] is { } inspreken)
        {
            meeting["inspreken"] = En(inspreken["tekst"]);
        }
        if (vergadering["uitkomst"] is { } uitkomst)
        {
            meeting["uitkomst"] = En(uitkomst["tekst"]);
        }
        return meeting;
    }

    private static JsonObject SiteTranslation(JsonObject site)
    {
        var words = new JsonObject
        {
            ["$schema"] = "site-vertaling.schema.json",
            ["bronnen"] = ById(site["bronnen"], b => new JsonObject { ["titel"] = En(b["titel"]) }),
            ["contact"] = new JsonArray([.. Items(site["contact"]).Select(c =>
            {
                var item = new JsonObject { ["tekst"] = En(c!["tekst"]) };
                if (c["linktekst"] is { } linktekst)
                {
                    item["linktekst"] = En(linktekst);
                }
                return item;
            })]),
        };
        if (site["raad"] is JsonObject raad)
        {
            var council = new JsonObject
            {
                ["raadsinformatie"] = new JsonObject { ["titel"] = En(raad["raadsinformatie"]!["titel"]) },
                ["meedoen"] = new JsonArray([.. Items(raad["meedoen"]).Select(m => En(m!["tekst"]))]),
            };
            if (raad["kijken"] is { } kijken)
            {
                council["kijken"] = new JsonObject { ["titel"] = En(kijken["titel"]) };
            }
            words["raad"] = council;
        }
        return words;
    }

    /// <summary>Every text of an object prefixed, recursively (the status sentences and their "zinnen").</summary>
    private static JsonObject EnTexts(JsonObject texts) => new(texts.Select(p => KeyValuePair.Create(p.Key, p.Value is JsonObject inner ? EnTexts(inner) : (JsonNode?)En(p.Value))));

    private static JsonObject ById(JsonNode? items, Func<JsonObject, JsonNode?> words) =>
        new(Items(items).Select(i => KeyValuePair.Create(i!["id"]!.GetValue<string>(), words((JsonObject)i))));

    private static JsonArray Items(JsonNode? items) => items as JsonArray ?? [];

    private static JsonValue En(JsonNode? dutch) => JsonValue.Create("EN " + dutch!.GetValue<string>());

    private static JsonObject Read(ContentFixture content, string relative) => (JsonObject)JsonNode.Parse(File.ReadAllText(content.PathOf(relative)))!;
}
