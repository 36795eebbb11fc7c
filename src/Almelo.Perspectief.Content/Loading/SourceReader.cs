using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads a <c>bronnen</c> array from any content file, with the rules every source follows: an address to read it
/// (a <c>url</c> or a copy in <c>bestand</c>), and the date a web page was read (<c>geraadpleegd</c>), never after today.
/// A page that shows no date of its own may leave <c>datum</c> out; a copy always has one.
/// </summary>
internal sealed class SourceReader(ContentFolder folder, DateOnly today, List<ContentError> errors)
{
    /// <param name="bronnen">The array as the file holds it.</param>
    /// <param name="file">The parsed file, for the line and column of each error.</param>
    /// <param name="pointer">Where the array is in the file, e.g. <c>/bronnen</c>.</param>
    /// <param name="slug">The publication folder a <c>bestand</c> is read from.</param>
    public Dictionary<string, Source> Read(IReadOnlyList<BronFile> bronnen, JsonDocumentSource file, string pointer, string slug)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        for (var i = 0; i < bronnen.Count; i++)
        {
            var at = $"{pointer}/{i}";
            var source = Read(bronnen[i], file, at, slug);
            if (!sources.TryAdd(source.Id, source))
            {
                errors.Add(file.ErrorAt(at + "/id", $"De bron-id '{source.Id}' komt twee keer voor."));
            }
        }
        return sources;
    }

    private Source Read(BronFile bron, JsonDocumentSource file, string at, string slug)
    {
        Uri? url = null;
        if (bron.Url is not null && !Uri.TryCreate(bron.Url, UriKind.Absolute, out url))
        {
            errors.Add(file.ErrorAt(at + "/url", $"'{bron.Url}' is geen geldig webadres."));
        }
        var attachment = bron.Bestand is null ? null : AttachmentReader.Read(folder, slug, bron.Bestand, file, at + "/bestand", errors);
        if (bron.Url is null && bron.Bestand is null)
        {
            errors.Add(file.ErrorAt(at, $"De bron '{bron.Id}' heeft geen adres. Zet bij \"url\" het webadres van de pagina (met \"geraadpleegd\": de dag waarop u die las), of bij \"bestand\" een kopie in deze map."));
        }
        var date = bron.Datum is null ? null : file.ReadDate(bron.Datum, at + "/datum", errors);
        if (bron.Datum is null && bron.Bestand is not null)
        {
            errors.Add(file.ErrorAt(at, $"De bron '{bron.Id}' heeft geen \"datum\". Zet bij \"datum\" de datum van het stuk (jaar-maand-dag)."));
        }
        var consulted = bron.Geraadpleegd is null ? null : file.ReadDate(bron.Geraadpleegd, at + "/geraadpleegd", errors);
        if (bron.Geraadpleegd is null && bron.Url is not null && bron.Bestand is null)
        {
            errors.Add(file.ErrorAt(at, $"De webpagina '{bron.Id}' heeft geen \"geraadpleegd\". Zet daar de dag waarop u de pagina las (jaar-maand-dag), zodat lezers weten welke versie u bedoelt."));
        }
        if (consulted > today)
        {
            errors.Add(file.ErrorAt(at + "/geraadpleegd", $"De datum bij \"geraadpleegd\" ({bron.Geraadpleegd}) ligt na vandaag. Zet daar de dag waarop u de pagina las."));
        }
        // A source with a mistake still counts as known, so that the figures citing it do not repeat the mistake.
        return new Source(bron.Id, bron.Titel, bron.Uitgever, date, bron.Plaats, url, attachment) { Consulted = consulted };
    }
}
