using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>The parts of publicatie.json for journalists: press contact, changes and old ids.</summary>
internal static class PressReader
{
    public static PressContact? ReadPress(PersFile? pers, JsonDocumentSource file, ICollection<ContentError> errors)
    {
        if (pers is null)
        {
            return null;
        }
        if (pers.Telefoon is null && pers.Email is null && pers.Url is null)
        {
            errors.Add(file.ErrorAt("/pers", "Geef bij \"pers\" ook een telefoonnummer, e-mailadres of webadres, zodat journalisten contact kunnen opnemen."));
        }
        Uri? url = null;
        if (pers.Url is not null && !(Uri.TryCreate(pers.Url, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)))
        {
            errors.Add(file.ErrorAt("/pers/url", $"'{pers.Url}' is geen geldig webadres. Schrijf het volledige adres, bijvoorbeeld https://www.almelo.nl/."));
            url = null;
        }
        return new PressContact(pers.Naam, pers.Telefoon, pers.Email, url);
    }

    public static License? ReadLicense(LicentieFile? licentie, JsonDocumentSource file, ICollection<ContentError> errors)
    {
        if (licentie is null)
        {
            return null;
        }
        if (!Uri.TryCreate(licentie.Url, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
        {
            errors.Add(file.ErrorAt("/licentie/url", $"'{licentie.Url}' is geen geldig webadres. Schrijf het volledige adres van de licentie, bijvoorbeeld https://creativecommons.org/publicdomain/zero/1.0/."));
            return null;
        }
        return new License(licentie.Naam, url);
    }

    /// <summary>
    /// The changes, newest first. A change dated before the publication, or after <paramref name="today"/>, is an
    /// error: the page says "Bijgewerkt" with the date of the newest change.
    /// </summary>
    public static List<Change> ReadChanges(IReadOnlyList<WijzigingFile> wijzigingen, DateOnly? published, DateOnly today, JsonDocumentSource file, List<ContentError> errors)
    {
        var changes = new List<Change>();
        for (var i = 0; i < wijzigingen.Count; i++)
        {
            var date = file.ReadDate(wijzigingen[i].Datum, $"/wijzigingen/{i}/datum", errors);
            if (date is null)
            {
                continue;
            }
            if (published is { } first && date < first)
            {
                errors.Add(file.ErrorAt($"/wijzigingen/{i}/datum", $"Een wijziging op {wijzigingen[i].Datum} ligt vóór de publicatiedatum {published:yyyy-MM-dd}. Controleer de datum."));
            }
            if (date > today)
            {
                errors.Add(file.ErrorAt($"/wijzigingen/{i}/datum", $"De wijziging op {wijzigingen[i].Datum} ligt na vandaag ({TextFormat.IsoDate(today)}). Boven de pagina zou dan nu al 'Bijgewerkt {TextFormat.Dutch.Date(date.Value)}' staan. Zet de datum waarop u de wijziging maakt."));
            }
            changes.Add(new Change(date.Value, wijzigingen[i].Wat) { Position = i });
        }
        return changes.OrderByDescending(c => c.Date).ToList();
    }

    /// <summary>An old id may not take the place of an id in use, and must lead somewhere that exists.</summary>
    public static Dictionary<string, string> ReadAliases(IReadOnlyDictionary<string, string>? aliassen, IReadOnlySet<string> anchors, IReadOnlySet<string> targets, JsonDocumentSource file, ICollection<ContentError> errors)
    {
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (old, current) in aliassen ?? new Dictionary<string, string>())
        {
            if (anchors.Contains(old))
            {
                errors.Add(file.ErrorAt($"/aliassen/{old}", $"Het oude id '{old}' is ook het id van iets op de pagina. Een oud id mag niet hetzelfde zijn als een id dat in gebruik is."));
            }
            else if (!anchors.Contains(current))
            {
                errors.Add(file.ErrorAt($"/aliassen/{old}", $"Het oude id '{old}' verwijst naar '{current}', maar dat id bestaat niet op de pagina."));
            }
            else if (!targets.Contains(current))
            {
                errors.Add(file.ErrorAt($"/aliassen/{old}", $"Een oud id kan alleen naar een onderdeel, een cijfer (cijfer-…) of een grafiek (grafiek-…) verwijzen, niet naar '{current}'."));
            }
            else
            {
                aliases[old] = current;
            }
        }
        return aliases;
    }
}
