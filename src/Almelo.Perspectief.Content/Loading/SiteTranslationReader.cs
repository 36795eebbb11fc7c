using System.Text.Json;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads the site's settings in a translation (<c>site.en.json</c>): the words of <c>site.json</c> (contact, the
/// council's information, source titles) in the same order, with every address and source from <c>site.json</c>.
/// </summary>
internal static class SiteTranslationReader
{
    /// <summary>
    /// The settings in <paramref name="language"/>; null when there is no such file, or with errors. The file is needed
    /// as soon as a publication has an edition in the language and <paramref name="site"/> has words to show.
    /// </summary>
    public static SiteSettings? Read(ContentFolder folder, SiteLanguage language, SiteSettings? site, bool hasEditions, List<ContentError> errors)
    {
        var path = ContentLoader.SiteFileIn(language);
        if (!folder.Exists(path))
        {
            if (hasEditions && site is { } dutch && (dutch.Contact.Count > 0 || dutch.Council is not null))
            {
                errors.Add(new ContentError(path, 1, 1, $"Er is een Engelse versie van een publicatie, maar {path} ontbreekt. Zet de Engelse tekst van site.json (bij \"contact\" en \"raad\") in {path} (zie de inhoudsgids, hoofdstuk \"Een vertaling in het Engels\")."));
            }
            return null;
        }
        var (words, file) = new ContentFileReader(folder, errors).Json<SiteVertalingFile>(path, ContentSchemas.SiteVertaling, required: true);
        if (words is null || file is null)
        {
            return null;
        }
        if (site is null)
        {
            if (!folder.Exists(SiteReader.File))
            {
                errors.Add(new ContentError(path, 1, 1, $"{path} vertaalt site.json, maar site.json bestaat niet. Haal {path} weg, of zet eerst site.json in de inhoudsmap."));
            }
            return null;
        }
        var before = errors.Count;
        var sources = site.Sources.ToDictionary(
            s => s.Id,
            s => words.Bronnen?.GetValueOrDefault(s.Id) is { } bron ? s with { Title = bron.Titel, TitleLanguage = language } : s with { },
            StringComparer.Ordinal);
        if (file.Root.TryGetProperty("bronnen", out var bronnen) && bronnen.ValueKind == JsonValueKind.Object)
        {
            foreach (var item in bronnen.EnumerateObject().Where(i => !sources.ContainsKey(i.Name)))
            {
                errors.Add(file.ErrorAt($"/bronnen/{item.Name}", $"'{item.Name}' is geen id uit \"bronnen\" in site.json. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."));
            }
        }
        Source? Mapped(Source? source) => source is null ? null : sources[source.Id];

        var contact = words.Contact ?? [];
        Count(file, words.Contact is null ? string.Empty : "/contact", contact.Count, site.Contact.Count, "elke regel bij \"contact\"", "\"contact\" in site.json", errors);
        var routes = new List<ContactRoute>();
        for (var i = 0; i < site.Contact.Count; i++)
        {
            var route = site.Contact[i];
            var item = contact.ElementAtOrDefault(i);
            var hasWords = route.LinkTextIsWords;
            if (item is not null && hasWords && item.Linktekst is null)
            {
                errors.Add(file.ErrorAt($"/contact/{i}", $"Regel {i + 1} bij \"contact\" heeft in site.json een \"linktekst\" ('{route.LinkText}'). Zet hier ook \"linktekst\", in het Engels."));
            }
            else if (item?.Linktekst is not null && !hasWords)
            {
                errors.Add(file.ErrorAt($"/contact/{i}/linktekst", $"Regel {i + 1} bij \"contact\" heeft in site.json geen \"linktekst\": de link toont het adres zelf. Haal \"linktekst\" hier weg."));
            }
            routes.Add(route with { Text = item?.Tekst ?? string.Empty, LinkText = hasWords ? item?.Linktekst ?? string.Empty : route.LinkText, Source = Mapped(route.Source) });
        }

        CouncilInfo? council = null;
        if (site.Council is { } dutchCouncil)
        {
            if (words.Raad is not { } raad)
            {
                errors.Add(file.ErrorAt(string.Empty, "site.json heeft \"raad\", maar dit bestand niet. Zet bij \"raad\" de Engelse tekst van \"raadsinformatie\", \"meedoen\" en \"kijken\"."));
                return null;
            }
            if (raad.Raadsinformatie is null)
            {
                errors.Add(file.ErrorAt("/raad", "Bij \"raad\" ontbreekt \"raadsinformatie\" met de Engelse \"titel\" van de link."));
            }
            var meedoen = raad.Meedoen ?? [];
            Count(file, raad.Meedoen is null ? "/raad" : "/raad/meedoen", meedoen.Count, dutchCouncil.TakingPart.Count, "elke zin bij \"meedoen\"", "\"meedoen\" in site.json", errors);
            if (dutchCouncil.Watch is not null && raad.Kijken is null)
            {
                errors.Add(file.ErrorAt("/raad", "site.json heeft bij \"raad\" een link \"kijken\". Zet hier ook \"kijken\" met de Engelse \"titel\"."));
            }
            else if (dutchCouncil.Watch is null && raad.Kijken is not null)
            {
                errors.Add(file.ErrorAt("/raad/kijken", "site.json heeft bij \"raad\" geen \"kijken\". Haal \"kijken\" hier weg."));
            }
            council = new CouncilInfo(
                dutchCouncil.Information with { Title = raad.Raadsinformatie?.Titel ?? string.Empty, Source = Mapped(dutchCouncil.Information.Source) },
                dutchCouncil.TakingPart.Select((line, i) => new SourcedLine(meedoen.ElementAtOrDefault(i) ?? string.Empty, sources[line.Source.Id])).ToList(),
                dutchCouncil.Watch is { } watch ? watch with { Title = raad.Kijken?.Titel ?? string.Empty, Source = Mapped(watch.Source) } : null);
        }
        else if (words.Raad is not null)
        {
            errors.Add(file.ErrorAt("/raad", "site.json heeft geen \"raad\". Haal \"raad\" hier weg."));
        }
        return errors.Count > before ? null : new SiteSettings(routes, council, site.Sources.Select(s => sources[s.Id]).ToList());
    }

    /// <summary>A list of a translation has one text per item of the Dutch list, in its order; otherwise an error at the list.</summary>
    internal static void Count(JsonDocumentSource file, string pointer, int count, int expected, string each, string origin, List<ContentError> errors)
    {
        if (count != expected)
        {
            errors.Add(file.ErrorAt(pointer, $"{(count == 1 ? "Hier staat 1 Engelse tekst" : $"Hier staan {count} Engelse teksten")}, maar {origin} heeft er {expected}. Zet bij {each} precies één Engelse tekst, in dezelfde volgorde."));
        }
    }
}
