using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads <c>site.json</c> at the content root: the site's contact block and the council's general information, each
/// sourced detail with its source from the file's own "bronnen" (read as a publication's sources are).
/// </summary>
internal static partial class SiteReader
{
    public const string File = "site.json";

    /// <summary>A Dutch phone number as people type it: the site shows none (the sources disagree on them, and personal numbers never).</summary>
    [GeneratedRegex(@"(\+31|\b0)[\s\-()]*\d([\s\-()]*\d){7,}|\b14\s?0\d{3}\b", RegexOptions.CultureInvariant)]
    private static partial Regex PhoneNumber();

    public static SiteSettings? Read(ContentFolder folder, DateOnly today, List<ContentError> errors)
    {
        if (!folder.Exists(File))
        {
            return null;
        }
        if (folder.Read(File, ContentLimits.MaxTextFileBytes, out var problem) is not { } bytes)
        {
            errors.Add(new ContentError(File, 1, 1, problem ?? string.Empty));
            return null;
        }
        if (JsonDocumentSource.Parse(bytes, File, errors) is not { } file || !ContentSchemas.Validate(file, ContentSchemas.Site, errors))
        {
            return null;
        }
        file.CheckTexts(errors);
        if (file.Read<SiteFile>(errors) is not { } site)
        {
            return null;
        }
        var before = errors.Count;
        var sources = new SourceReader(folder, today, errors).Read(site.Bronnen, file, "/bronnen", string.Empty);
        Source? Find(string? id, string pointer)
        {
            if (id is null)
            {
                return null;
            }
            if (!sources.TryGetValue(id, out var source))
            {
                errors.Add(file.ErrorAt(pointer, $"De bron '{id}' bestaat niet. Zet de pagina eerst bij \"bronnen\" in site.json (met \"url\" en \"geraadpleegd\") en gebruik de id daarvan."));
            }
            return source;
        }
        void NoPhone(string text, string pointer)
        {
            if (PhoneNumber().IsMatch(text))
            {
                errors.Add(file.ErrorAt(pointer, "Hier staat een telefoonnummer. De site noemt geen telefoonnummers: de pagina's van almelo.nl geven verschillende nummers, en persoonlijke nummers horen hier nooit. Verwijs naar de pagina met een link."));
            }
        }

        var contact = new List<ContactRoute>();
        for (var i = 0; i < site.Contact.Count; i++)
        {
            var item = site.Contact[i];
            var at = $"/contact/{i}";
            NoPhone(item.Tekst, at + "/tekst");
            if ((item.Url is null) == (item.Email is null))
            {
                errors.Add(file.ErrorAt(at, "Geef bij elke manier van contact precies één van: \"url\" (een webadres) of \"email\"."));
                continue;
            }
            if (item.Email is not null && item.Bron is null)
            {
                errors.Add(file.ErrorAt(at + "/email", "Bij een e-mailadres hoort een \"bron\": de pagina van almelo.nl waar het adres staat."));
                continue;
            }
            var source = Find(item.Bron, at + "/bron");
            if (item.Email is { } email)
            {
                contact.Add(new ContactRoute(item.Tekst, email, new Uri("mailto:" + email), source));
            }
            else if (MeetingReader.ReadUrl(item.Url, file, at + "/url", errors) is { } url)
            {
                contact.Add(new ContactRoute(item.Tekst, item.Linktekst ?? url.Host, url, source) { LinkTextIsWords = item.Linktekst is not null });
            }
        }

        CouncilInfo? council = null;
        if (site.Raad is { } raad)
        {
            var information = MeetingReader.ReadUrl(raad.Raadsinformatie.Url, file, "/raad/raadsinformatie/url", errors);
            var takingPart = new List<SourcedLine>();
            for (var i = 0; i < raad.Meedoen.Count; i++)
            {
                NoPhone(raad.Meedoen[i].Tekst, $"/raad/meedoen/{i}/tekst");
                if (Find(raad.Meedoen[i].Bron, $"/raad/meedoen/{i}/bron") is { } source)
                {
                    takingPart.Add(new SourcedLine(raad.Meedoen[i].Tekst, source));
                }
            }
            SiteLink? watch = null;
            if (raad.Kijken is { } kijken && MeetingReader.ReadUrl(kijken.Url, file, "/raad/kijken/url", errors) is { } watchUrl)
            {
                watch = new SiteLink(kijken.Titel, watchUrl, Find(kijken.Bron, "/raad/kijken/bron"));
            }
            if (information is not null)
            {
                council = new CouncilInfo(new SiteLink(raad.Raadsinformatie.Titel, information, Find(raad.Raadsinformatie.Bron, "/raad/raadsinformatie/bron")), takingPart, watch);
            }
        }
        return errors.Count > before ? null : new SiteSettings(contact, council, sources.Values.ToList());
    }
}

internal sealed record SiteFile(
    [property: JsonPropertyName("bronnen")] IReadOnlyList<BronFile> Bronnen,
    [property: JsonPropertyName("contact")] IReadOnlyList<ContactFile> Contact,
    [property: JsonPropertyName("raad")] RaadFile? Raad);

internal sealed record ContactFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("url")] string? Url,
    [property: JsonPropertyName("linktekst")] string? Linktekst,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("bron")] string? Bron);

internal sealed record RaadFile(
    [property: JsonPropertyName("raadsinformatie")] SiteLinkFile Raadsinformatie,
    [property: JsonPropertyName("meedoen")] IReadOnlyList<RegelFile> Meedoen,
    [property: JsonPropertyName("kijken")] SiteLinkFile? Kijken);

internal sealed record SiteLinkFile(
    [property: JsonPropertyName("titel")] string Titel,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("bron")] string? Bron);

internal sealed record RegelFile(
    [property: JsonPropertyName("tekst")] string Tekst,
    [property: JsonPropertyName("bron")] string Bron);
