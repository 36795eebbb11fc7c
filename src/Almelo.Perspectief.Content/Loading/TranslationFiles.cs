using System.Text.Json.Serialization;

namespace Almelo.Perspectief.Content.Loading;

// The shapes of a translation's JSON files (vertaling.en.json, site.en.json): only words, keyed by the Dutch ids or in
// the Dutch order. Read only after the file passed its schema; everything that depends on the Dutch content is checked
// afterwards, with a message that names the Dutch id and the file.

internal sealed record VertalingFile(
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("samenvatting")] string Samenvatting,
    [property: JsonPropertyName("wijzigingen")] IReadOnlyList<string>? Wijzigingen,
    [property: JsonPropertyName("citaat")] CitaatVertalingFile? Citaat,
    [property: JsonPropertyName("wetten")] IReadOnlyDictionary<string, WetVertalingFile>? Wetten,
    [property: JsonPropertyName("status")] StatusFile? Status,
    [property: JsonPropertyName("links")] IReadOnlyList<string>? Links,
    [property: JsonPropertyName("tijdlijn")] IReadOnlyList<StapVertalingFile>? Tijdlijn,
    [property: JsonPropertyName("berekend-door")] string? BerekendDoor,
    [property: JsonPropertyName("bronnen")] IReadOnlyDictionary<string, TitelVertalingFile>? Bronnen,
    [property: JsonPropertyName("cijfers")] IReadOnlyDictionary<string, string>? Cijfers,
    [property: JsonPropertyName("grafieken")] IReadOnlyDictionary<string, GrafiekVertalingFile>? Grafieken,
    [property: JsonPropertyName("begrippen")] IReadOnlyDictionary<string, BegripVertalingFile>? Begrippen,
    [property: JsonPropertyName("vergaderingen")] IReadOnlyDictionary<string, VergaderingVertalingFile>? Vergaderingen);

internal sealed record CitaatVertalingFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("functie")] string Functie);

internal sealed record WetVertalingFile(
    [property: JsonPropertyName("uitleg")] string Uitleg);

internal sealed record StapVertalingFile(
    [property: JsonPropertyName("periode")] string? Periode,
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("uitleg")] string Uitleg);

internal sealed record TitelVertalingFile(
    [property: JsonPropertyName("titel")] string Titel);

internal sealed record GrafiekVertalingFile(
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("samenvatting")] string Samenvatting,
    [property: JsonPropertyName("delen")] IReadOnlyList<string>? Delen,
    [property: JsonPropertyName("categorieen")] IReadOnlyList<string>? Categorieen,
    [property: JsonPropertyName("reeksen")] IReadOnlyList<string>? Reeksen);

internal sealed record BegripVertalingFile(
    [property: JsonPropertyName("term")] string Term,
    [property: JsonPropertyName("vormen")] IReadOnlyList<string>? Vormen,
    [property: JsonPropertyName("uitleg")] string Uitleg);

internal sealed record VergaderingVertalingFile(
    [property: JsonPropertyName("onderwerp")] string Onderwerp,
    [property: JsonPropertyName("inspreken")] string? Inspreken,
    [property: JsonPropertyName("uitkomst")] string? Uitkomst);

internal sealed record SiteVertalingFile(
    [property: JsonPropertyName("bronnen")] IReadOnlyDictionary<string, TitelVertalingFile>? Bronnen,
    [property: JsonPropertyName("contact")] IReadOnlyList<ContactVertalingFile>? Contact,
    [property: JsonPropertyName("raad")] RaadVertalingFile? Raad);

internal sealed record ContactVertalingFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("linktekst")] string? Linktekst);

internal sealed record RaadVertalingFile(
    [property: JsonPropertyName("raadsinformatie")] TitelVertalingFile? Raadsinformatie,
    [property: JsonPropertyName("meedoen")] IReadOnlyList<string>? Meedoen,
    [property: JsonPropertyName("kijken")] TitelVertalingFile? Kijken);
