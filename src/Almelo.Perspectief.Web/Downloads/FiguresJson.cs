using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>
/// Every figure of a publication, with its sources, as JSON described by <c>/schema/cijfers-export.schema.json</c>.
/// Values are plain numbers (euros, counts, fractions); the formatted text and the calculation come along. One file per
/// publication: its texts are Dutch, and when the publication has a translation each figure also carries its label in
/// every language (<c>labels</c>), so that readers' scripts that read <c>label</c> keep working.
/// </summary>
internal static class FiguresJson
{
    public const string SchemaPath = "/schema/cijfers-export.schema.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The file of a publication, given in each language it has (<paramref name="editions"/>, Dutch first).</summary>
    public static byte[] Write(IReadOnlyList<Publication> editions, Uri page, Func<Attachment, Uri> fileAddress, Uri schema)
    {
        var publication = editions[0];
        var document = new ExportDocument(
            schema.ToString(),
            new ExportPublication(publication.Slug, publication.Title, page.ToString(), TextFormat.IsoDate(publication.Date), TextFormat.IsoDate(publication.LastUpdated), publication.Publisher),
            publication.Sources.Select(s => new ExportSource(s.Id, s.Title, s.Publisher, IsoDate(s.Date), IsoDate(s.Consulted), s.Place, s.Url?.ToString(), s.File is null ? null : fileAddress(s.File).ToString())).ToList(),
            publication.Figures.Select(f => new ExportFigure(
                f.Id,
                f.Label,
                f.Unit == FigureUnit.Aandeel ? f.Value.ToDecimal() : TextFormat.Rounded(f),
                f.ShownAsFraction ? f.Value.Numerator : null,
                f.ShownAsFraction ? f.Value.Denominator : null,
                TextFormat.Dutch.UnitName(f.Unit),
                f.IsDerived ? "berekend" : "vermeld",
                f.Approximation == Approximation.None ? null : TextFormat.Dutch.ApproximationWord(f.Approximation),
                TextFormat.Dutch.InTable(f),
                f.Source?.Id,
                f.Derivation is { } d ? new ExportDerivation(d.Operation.ToString().ToLowerInvariant(), d.Inputs.Select(i => i.Id).ToList(), TextFormat.Dutch.Calculation(f)) : null,
                new Uri(page, "#" + Anchors.Figure(f.Id)).ToString(),
                Labels(editions, f.Id))).ToList());
        return JsonSerializer.SerializeToUtf8Bytes(document, Options);
    }

    private static string? IsoDate(DateOnly? date) => date is { } day ? TextFormat.IsoDate(day) : null;

    /// <summary>A figure's label per language code, when there is more than one language; none otherwise.</summary>
    private static Dictionary<string, string>? Labels(IReadOnlyList<Publication> editions, string id) => editions.Count < 2
        ? null
        : editions.ToDictionary(e => e.Language.Code, e => e.FindFigure(id)!.Label, StringComparer.Ordinal);

    private sealed record ExportDocument(
        [property: JsonPropertyName("$schema")] string Schema,
        [property: JsonPropertyName("publicatie")] ExportPublication Publicatie,
        [property: JsonPropertyName("bronnen")] IReadOnlyList<ExportSource> Bronnen,
        [property: JsonPropertyName("cijfers")] IReadOnlyList<ExportFigure> Cijfers);

    private sealed record ExportPublication(
        [property: JsonPropertyName("slug")] string Slug,
        [property: JsonPropertyName("titel")] string Titel,
        [property: JsonPropertyName("url")] string Url,
        [property: JsonPropertyName("datum")] string Datum,
        [property: JsonPropertyName("laatstBijgewerkt")] string LaatstBijgewerkt,
        [property: JsonPropertyName("uitgever")] string Uitgever);

    private sealed record ExportSource(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("titel")] string Titel,
        [property: JsonPropertyName("uitgever")] string Uitgever,
        [property: JsonPropertyName("datum")] string? Datum,
        [property: JsonPropertyName("geraadpleegd")] string? Geraadpleegd,
        [property: JsonPropertyName("plaats")] string? Plaats,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("bestand")] string? Bestand);

    private sealed record ExportFigure(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("label")] string Label,
        [property: JsonPropertyName("waarde")] decimal Waarde,
        [property: JsonPropertyName("teller")] decimal? Teller,
        [property: JsonPropertyName("noemer")] decimal? Noemer,
        [property: JsonPropertyName("eenheid")] string Eenheid,
        [property: JsonPropertyName("soort")] string Soort,
        [property: JsonPropertyName("benadering")] string? Benadering,
        [property: JsonPropertyName("weergave")] string Weergave,
        [property: JsonPropertyName("bron")] string? Bron,
        [property: JsonPropertyName("berekening")] ExportDerivation? Berekening,
        [property: JsonPropertyName("link")] string Link,
        [property: JsonPropertyName("labels")] IReadOnlyDictionary<string, string>? Labels);

    private sealed record ExportDerivation(
        [property: JsonPropertyName("bewerking")] string Bewerking,
        [property: JsonPropertyName("van")] IReadOnlyList<string> Van,
        [property: JsonPropertyName("uitleg")] string Uitleg);
}
