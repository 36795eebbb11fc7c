using System.Text.Json;
using System.Text.Json.Serialization;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

// The shapes of the JSON files as editors write them (Dutch field names). They are read only after the file
// passed its schema, so required fields are present; rules the schema cannot express are checked afterwards.

internal sealed record PublicatieFile(
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("samenvatting")] string Samenvatting,
    [property: JsonPropertyName("datum")] string Datum,
    [property: JsonPropertyName("plaats")] string Plaats,
    [property: JsonPropertyName("uitgever")] string Uitgever,
    [property: JsonPropertyName("bronnen")] IReadOnlyList<BronFile> Bronnen,
    [property: JsonPropertyName("citaat")] CitaatFile? Citaat,
    [property: JsonPropertyName("wetten")] IReadOnlyList<WetFile>? Wetten,
    [property: JsonPropertyName("secties")] IReadOnlyDictionary<string, SectieFile> Secties,
    [property: JsonPropertyName("pers")] PersFile? Pers,
    [property: JsonPropertyName("wijzigingen")] IReadOnlyList<WijzigingFile> Wijzigingen,
    [property: JsonPropertyName("aliassen")] IReadOnlyDictionary<string, string>? Aliassen,
    [property: JsonPropertyName("tijdlijn")] IReadOnlyList<TijdlijnFile>? Tijdlijn,
    [property: JsonPropertyName("licentie")] LicentieFile? Licentie,
    [property: JsonPropertyName("berekend-door")] string? BerekendDoor);

internal sealed record LicentieFile(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("url")] string Url);

internal sealed record TijdlijnFile(
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("uitleg")] string Uitleg,
    [property: JsonPropertyName("datum")] string? Datum,
    [property: JsonPropertyName("periode")] string? Periode,
    [property: JsonPropertyName("vergaderingen")] IReadOnlyList<string>? Vergaderingen,
    [property: JsonPropertyName("bron")] string? Bron);

internal sealed record BegrippenFile(
    [property: JsonPropertyName("begrippen")] IReadOnlyList<BegripFile> Begrippen);

internal sealed record BegripFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("term")] string Term,
    [property: JsonPropertyName("vormen")] IReadOnlyList<string>? Vormen,
    [property: JsonPropertyName("uitleg")] string Uitleg);

internal sealed record PersFile(
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("telefoon")] string? Telefoon,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("url")] string? Url);

internal sealed record WijzigingFile(
    [property: JsonPropertyName("datum")] string Datum,
    [property: JsonPropertyName("wat")] string Wat);

internal sealed record BronFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("uitgever")] string Uitgever,
    [property: JsonPropertyName("datum")] string? Datum,
    [property: JsonPropertyName("plaats")] string? Plaats,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("bestand")] string? Bestand,
    [property: JsonPropertyName("geraadpleegd")] string? Geraadpleegd);

internal sealed record CitaatFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("functie")] string Functie,
    [property: JsonPropertyName("bron")] string Bron);

internal sealed record WetFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("naam")] string Naam,
    [property: JsonPropertyName("uitleg")] string Uitleg);

internal sealed record SectieFile(
    [property: JsonPropertyName("cijfers")] IReadOnlyList<string>? Cijfers,
    [property: JsonPropertyName("grafieken")] IReadOnlyList<string>? Grafieken,
    [property: JsonPropertyName("citaat")] bool Citaat,
    [property: JsonPropertyName("wetten")] bool Wetten,
    [property: JsonPropertyName("vergaderingen")] bool Vergaderingen,
    [property: JsonPropertyName("tijdlijn")] bool Tijdlijn);

internal sealed record CijfersFile(
    [property: JsonPropertyName("cijfers")] IReadOnlyList<CijferFile> Cijfers,
    [property: JsonPropertyName("grafieken")] IReadOnlyList<GrafiekFile>? Grafieken);

internal sealed record CijferFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("eenheid")] FigureUnit Eenheid,
    [property: JsonPropertyName("waarde")] decimal? Waarde,
    [property: JsonPropertyName("teller")] long? Teller,
    [property: JsonPropertyName("noemer")] long? Noemer,
    [property: JsonPropertyName("benadering")] Approximation? Benadering,
    [property: JsonPropertyName("bron")] string? Bron,
    [property: JsonPropertyName("afgeleid")] AfgeleidFile? Afgeleid,
    [property: JsonPropertyName("controle")] AfgeleidFile? Controle);

internal sealed record AfgeleidFile(
    [property: JsonPropertyName("bewerking")] DerivationOperation Bewerking,
    [property: JsonPropertyName("van")] IReadOnlyList<string> Van);

internal sealed record GrafiekFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("soort")] ChartKind Soort,
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("samenvatting")] string Samenvatting,
    [property: JsonPropertyName("delen")] IReadOnlyList<DeelFile>? Delen,
    [property: JsonPropertyName("totaal")] string? Totaal,
    [property: JsonPropertyName("categorieen")] IReadOnlyList<string>? Categorieen,
    [property: JsonPropertyName("reeksen")] IReadOnlyList<ReeksFile>? Reeksen);

internal sealed record DeelFile(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("cijfer")] string Cijfer);

internal sealed record ReeksFile(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("cijfers")] IReadOnlyList<string?> Cijfers);

internal static class ContentJson
{
    public static T Read<T>(JsonElement element) => element.Deserialize<T>()
        ?? throw new InvalidOperationException($"{typeof(T).Name} read as null after schema validation.");
}
