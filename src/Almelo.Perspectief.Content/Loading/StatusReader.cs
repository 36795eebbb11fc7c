using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>Reads the parts of <c>publicatie.json</c> about the decision: the status sentences and the links to the council's documents.</summary>
internal static class StatusReader
{
    public static (IReadOnlyList<PublicationLink> Links, StatusWording? Wording, IReadOnlyDictionary<string, StatusWording> Sentences) Read(
        JsonDocumentSource file,
        IReadOnlyDictionary<string, Source> sources,
        bool hasMeetings,
        List<ContentError> errors)
    {
        var besluit = ContentJson.Read<BesluitDelenFile>(file.Root);
        var links = new List<PublicationLink>();
        for (var i = 0; i < (besluit.Links?.Count ?? 0); i++)
        {
            var link = besluit.Links![i];
            var url = MeetingReader.ReadUrl(link.Url, file, $"/links/{i}/url", errors);
            if (!sources.TryGetValue(link.Bron, out var source))
            {
                errors.Add(file.ErrorAt($"/links/{i}/bron", $"De bron '{link.Bron}' van deze link bestaat niet. Kies een id uit \"bronnen\": de bron waar dit adres in staat."));
            }
            else if (url is not null)
            {
                links.Add(new PublicationLink(link.Soort, link.Titel, url, source));
            }
        }

        if (besluit.Status is not { } status)
        {
            if (hasMeetings)
            {
                errors.Add(file.ErrorAt(string.Empty, "Deze publicatie heeft vergaderingen, maar geen \"status\". Zet bij \"status\" de zinnen die boven de pagina laten zien hoe ver het besluit is (zie de inhoudsgids, hoofdstuk \"Een vergadering toevoegen\")."));
            }
            return (links, null, new Dictionary<string, StatusWording>());
        }
        CheckPlaceholders(status.Own, "/status", file, errors);
        var sentences = new Dictionary<string, StatusWording>(StringComparer.Ordinal);
        foreach (var (name, zin) in status.Zinnen ?? new Dictionary<string, ZinnenFile>())
        {
            CheckPlaceholders(zin, $"/status/zinnen/{name}", file, errors);
            sentences[name] = Wording(zin);
        }
        return (links, Wording(status.Own), sentences);
    }

    /// <summary>The names of the text's status-driven sentences, to check <c>{status:naam}</c> in tekst.md against; null when publicatie.json could not be read.</summary>
    public static IReadOnlySet<string>? SentenceNames(JsonDocumentSource? file, bool valid) =>
        file is null || !valid
            ? null
            : (ContentJson.Read<BesluitDelenFile>(file.Root).Status?.Zinnen?.Keys ?? []).ToHashSet(StringComparer.Ordinal);

    internal static StatusWording Wording(ZinnenFile status) =>
        new(status.Komend, status.Bezig, status.ZonderUitkomst, status.Besloten, status.BeslotenBezig);

    internal static void CheckPlaceholders(ZinnenFile status, string at, JsonDocumentSource file, List<ContentError> errors)
    {
        foreach (var (field, text) in new[] { ("komend", status.Komend), ("bezig", status.Bezig), ("zonder-uitkomst", status.ZonderUitkomst), ("besloten", status.Besloten), ("besloten-bezig", status.BeslotenBezig) })
        {
            foreach (var unknown in PublicationStatus.PlaceholdersIn(text).Distinct().Where(p => !StatusWording.Placeholders.Contains(p)))
            {
                errors.Add(file.ErrorAt($"{at}/{field}", $"{{{unknown}}} kan de site niet invullen. Gebruik alleen: {string.Join(", ", StatusWording.Placeholders.Select(p => "{" + p + "}"))}."));
            }
        }
    }
}

internal sealed record BesluitDelenFile(
    [property: JsonPropertyName("status")] StatusFile? Status,
    [property: JsonPropertyName("links")] IReadOnlyList<LinkFile>? Links);

/// <summary>The sentences for each stage of one of "status" → "zinnen".</summary>
internal sealed record ZinnenFile(
    [property: JsonPropertyName("komend")] string Komend,
    [property: JsonPropertyName("bezig")] string Bezig,
    [property: JsonPropertyName("zonder-uitkomst")] string ZonderUitkomst,
    [property: JsonPropertyName("besloten")] string Besloten,
    [property: JsonPropertyName("besloten-bezig")] string BeslotenBezig);

/// <summary>The notice's own sentences, and the text's sentences that follow the status.</summary>
internal sealed record StatusFile(
    [property: JsonPropertyName("komend")] string Komend,
    [property: JsonPropertyName("bezig")] string Bezig,
    [property: JsonPropertyName("zonder-uitkomst")] string ZonderUitkomst,
    [property: JsonPropertyName("besloten")] string Besloten,
    [property: JsonPropertyName("besloten-bezig")] string BeslotenBezig,
    [property: JsonPropertyName("zinnen")] IReadOnlyDictionary<string, ZinnenFile>? Zinnen)
{
    public ZinnenFile Own => new(Komend, Bezig, ZonderUitkomst, Besloten, BeslotenBezig);
}

internal sealed record LinkFile(
    [property: JsonPropertyName("soort")] PublicationLinkKind Soort,
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("bron")] string Bron);
