using System.Globalization;
using System.Text.Json;
using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads a content folder (one subfolder per publication) into a validated <see cref="ContentSnapshot"/>,
/// or reports every problem it finds, each with file, line and column. Never returns a partial snapshot.
/// </summary>
public static class ContentLoader
{
    public const string PublicationFile = "publicatie.json";
    public const string FiguresFile = "cijfers.json";
    public const string MeetingsFile = "vergaderingen.json";
    public const string TextFile = "tekst.md";
    public const string GlossaryFile = "begrippen.json";

    public static ContentLoadResult Load(string root, TimeProvider? clock = null)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(root))
        {
            errors.Add(new ContentError(root, 1, 1, "Deze inhoudsmap bestaat niet."));
            return new ContentLoadResult(null, errors);
        }

        var publications = new List<Publication>();
        try
        {
            var folders = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>()
                .Where(name => !name.StartsWith('.'))
                .Order(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                if (!SectionTextReader.Slug().IsMatch(folder))
                {
                    errors.Add(new ContentError(folder + "/", 1, 1, $"De mapnaam '{folder}' kan geen webadres worden. Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 'perspectiefnota-2026-2029')."));
                    continue;
                }
                if (LoadPublication(Path.Combine(root, folder), folder, errors) is { } publication)
                {
                    publications.Add(publication);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that disappears or changes while it is read (an editor saving, a git checkout) is an error of this
            // read, never a crash: the next read, after the change, will see the whole file.
            errors.Add(new ContentError(".", 1, 1, $"Een bestand kon niet worden gelezen, misschien omdat het net werd veranderd ({e.Message}). Sla het opnieuw op als dit blijft."));
        }
        if (publications.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ContentError(".", 1, 1, "Er staat geen publicatie in de inhoudsmap. Maak per publicatie een map met publicatie.json en tekst.md."));
        }

        var loadedAt = (clock ?? TimeProvider.System).GetUtcNow();
        return errors.Count == 0
            ? new ContentLoadResult(new ContentSnapshot(publications, loadedAt), errors)
            : new ContentLoadResult(null, errors);
    }

    private static Publication? LoadPublication(string directory, string slug, List<ContentError> errors)
    {
        var before = errors.Count;

        // Every file is read even when another one is broken, so that the editor sees every problem at once.
        // Ids that a broken file declares still count as known, so that one mistake is reported once, not at every reference.
        var (publicatie, metaFile) = ReadJson<PublicatieFile>(directory, slug, PublicationFile, ContentSchemas.Publicatie, required: true, errors);
        var sources = publicatie is null ? null : ReadSources(directory, publicatie, metaFile!, errors);
        var date = publicatie is null ? null : ParseDate(publicatie.Datum, metaFile!, "/datum", errors);

        var (cijfers, figuresFile) = ReadJson<CijfersFile>(directory, slug, FiguresFile, ContentSchemas.Cijfers, required: false, errors);
        var known = new KnownIds(
            Declared(directory, FiguresFile, figuresFile, "cijfers"),
            Declared(directory, FiguresFile, figuresFile, "grafieken"));
        IReadOnlyList<Figure> figures = [];
        IReadOnlyList<Chart> charts = [];
        if (cijfers is not null)
        {
            figures = new FigureCalculator(figuresFile!, sources, errors).Calculate(cijfers.Cijfers);
            charts = ChartReader.Read(cijfers.Grafieken ?? [], figures, known, figuresFile!, errors);
        }

        var (vergaderingen, meetingsFile) = ReadJson<VergaderingenFile>(directory, slug, MeetingsFile, ContentSchemas.Vergaderingen, required: false, errors);
        var meetings = vergaderingen is null ? [] : MeetingReader.Read(vergaderingen, meetingsFile!, sources, errors);
        var declaredMeetings = Declared(directory, MeetingsFile, meetingsFile, "vergaderingen");

        var (begrippen, glossaryFile) = ReadJson<BegrippenFile>(directory, slug, GlossaryFile, ContentSchemas.Begrippen, required: false, errors);
        var glossary = GlossaryAndTimeline.ReadGlossary(begrippen, glossaryFile, errors);

        var laws = (publicatie?.Wetten ?? []).Select(w => new Law(w.Id, w.Naam, w.Uitleg)).ToList();
        if (metaFile is not null)
        {
            ReportDuplicates(laws.Select(l => l.Id), i => metaFile.ErrorAt($"/wetten/{i}/id", "Deze wet-id komt twee keer voor."), errors);
        }

        var texts = ReadText(directory, slug, date, figures, glossary, known, Anchors.Of(
            known.Figures ?? Enumerable.Empty<string>(),
            known.Charts ?? Enumerable.Empty<string>(),
            meetings.Select(m => m.Id),
            laws.Select(l => l.Id)), errors);

        Quote? quote = null;
        if (publicatie?.Citaat is { } citaat && sources is not null)
        {
            if (sources.TryGetValue(citaat.Bron, out var quoteSource))
            {
                quote = new Quote(citaat.Tekst, citaat.Naam, citaat.Functie, quoteSource);
            }
            else
            {
                errors.Add(metaFile!.ErrorAt("/citaat/bron", $"De bron '{citaat.Bron}' van het citaat bestaat niet. Kies een id uit \"bronnen\"."));
            }
        }

        var sections = publicatie is null ? [] : ReadSections(texts, publicatie, metaFile!, figures, charts, known, quote, laws, vergaderingen is null || meetings.Count > 0, errors);

        if (publicatie is null || date is null || sources is null)
        {
            return null;
        }
        var press = PublicationExtras.ReadPress(publicatie.Pers, metaFile!, errors);
        var image = publicatie.Deelafbeelding is { } afbeelding
            && PublicationExtras.ReadAttachment(directory, afbeelding.Bestand, metaFile!, "/deelafbeelding/bestand", errors) is { } imageFile
            ? new ShareImage(imageFile, afbeelding.Alt)
            : null;
        if (image is not null && !image.File.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            errors.Add(metaFile!.ErrorAt("/deelafbeelding/bestand", "De deelafbeelding moet een .png of .jpg zijn."));
        }
        Figure? FindFigure(string id) => figures.FirstOrDefault(f => f.Id == id);
        var timeline = GlossaryAndTimeline.ReadTimeline(publicatie.Tijdlijn, meetings, declaredMeetings, FindFigure, known, metaFile!, errors);
        foreach (var reference in FigureTemplate.References(publicatie.Samenvatting).Distinct().Where(known.IsMissingFigure))
        {
            errors.Add(metaFile!.ErrorAt("/samenvatting", $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet in cijfers.json."));
        }
        var changes = PublicationExtras.ReadChanges(publicatie.Wijzigingen, date, metaFile!, errors);
        var pageAnchors = Anchors.Of(figures.Select(f => f.Id), charts.Select(c => c.Id), meetings.Select(m => m.Id), laws.Select(l => l.Id))
            .Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        pageAnchors.UnionWith(glossary.Select(t => Anchors.Term(t.Id)));
        var aliasTargets = figures.Select(f => Anchors.Figure(f.Id)).Concat(charts.Select(c => Anchors.Chart(c.Id))).Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        var aliases = PublicationExtras.ReadAliases(publicatie.Aliassen, pageAnchors, aliasTargets, metaFile!, errors);
        var (links, wording) = StatusReader.Read(metaFile!, sources, meetings.Count > 0, errors);

        if (errors.Count > before)
        {
            return null;
        }
        return new Publication(
            slug,
            publicatie.Titel,
            FigureTemplate.Fill(publicatie.Samenvatting, FindFigure),
            date.Value,
            publicatie.Plaats,
            publicatie.Uitgever,
            sources.Values.ToList(),
            sections,
            figures,
            charts,
            meetings,
            quote,
            laws,
            press,
            image,
            changes,
            aliases,
            glossary,
            timeline)
        {
            Links = links,
            StatusWording = wording,
        };
    }

    private static IReadOnlyList<SectionText>? ReadText(
        string directory,
        string slug,
        DateOnly? date,
        IReadOnlyList<Figure> figures,
        IReadOnlyList<Term> glossary,
        KnownIds known,
        IEnumerable<string> anchors,
        List<ContentError> errors)
    {
        var path = Path.Combine(directory, TextFile);
        var file = $"{slug}/{TextFile}";
        if (!File.Exists(path))
        {
            errors.Add(new ContentError(file, 1, 1, "Het bestand tekst.md ontbreekt. Elke publicatie heeft een tekst met onderdelen."));
            return null;
        }
        return SectionTextReader.Read(
            File.ReadAllText(path),
            file,
            date?.Year ?? 0,
            id => figures.FirstOrDefault(f => f.Id == id),
            glossary,
            known,
            anchors.ToHashSet(StringComparer.Ordinal),
            errors);
    }

    /// <summary>The ids a content file declares in one of its lists, read even when the file failed its schema; null when the file could not be read at all.</summary>
    private static HashSet<string>? Declared(string directory, string name, JsonDocumentSource? file, string list)
    {
        if (file is null)
        {
            return File.Exists(Path.Combine(directory, name)) ? null : [];
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (file.Root.ValueKind == JsonValueKind.Object && file.Root.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                {
                    ids.Add(id.GetString()!);
                }
            }
        }
        return ids;
    }

    private static List<Section> ReadSections(
        IReadOnlyList<SectionText>? texts,
        PublicatieFile publicatie,
        JsonDocumentSource metaFile,
        IReadOnlyList<Figure> figures,
        IReadOnlyList<Chart> charts,
        KnownIds known,
        Quote? quote,
        List<Law> laws,
        bool hasMeetings,
        List<ContentError> errors)
    {
        if (texts is null)
        {
            return [];
        }
        foreach (var (id, _) in publicatie.Secties)
        {
            if (texts.All(t => t.Id != id))
            {
                errors.Add(metaFile.ErrorAt($"/secties/{id}", $"Het onderdeel '{id}' staat niet in tekst.md. Gebruik een id van een kop daar: {string.Join(", ", texts.Select(t => t.Id))}."));
            }
        }

        var sections = new List<Section>();
        foreach (var text in texts)
        {
            var extras = publicatie.Secties.GetValueOrDefault(text.Id) ?? new SectieFile(null, null, false, false, false, false);
            var at = $"/secties/{text.Id}";
            var sectionFigures = Resolve(extras.Cijfers, figures, f => f.Id, known.Figures, at + "/cijfers", "Het cijfer", metaFile, errors);
            var sectionCharts = Resolve(extras.Grafieken, charts, c => c.Id, known.Charts, at + "/grafieken", "De grafiek", metaFile, errors);
            if (extras.Citaat && quote is null)
            {
                errors.Add(metaFile.ErrorAt(at + "/citaat", "Dit onderdeel toont het citaat, maar publicatie.json heeft geen \"citaat\"."));
            }
            if (extras.Vergaderingen && !hasMeetings)
            {
                errors.Add(metaFile.ErrorAt(at + "/vergaderingen", "Dit onderdeel toont de vergaderingen, maar vergaderingen.json ontbreekt of is leeg."));
            }
            if (extras.Tijdlijn && (publicatie.Tijdlijn?.Count ?? 0) == 0)
            {
                errors.Add(metaFile.ErrorAt(at + "/tijdlijn", "Dit onderdeel toont de tijdlijn, maar publicatie.json heeft geen \"tijdlijn\"."));
            }
            if (extras.Wetten && laws.Count == 0)
            {
                errors.Add(metaFile.ErrorAt(at + "/wetten", "Dit onderdeel toont de wetten, maar publicatie.json heeft geen \"wetten\"."));
            }
            sections.Add(new Section(text.Id, text.Title, text.Html, sectionFigures, sectionCharts, extras.Citaat, extras.Wetten, extras.Vergaderingen, extras.Tijdlijn));
        }

        // Each figure, chart and block has one place on the page, so that its id (#cijfer-…) is unique.
        ReportTwice(publicatie.Secties, s => s.Value.Cijfers ?? [], "Het cijfer", "cijfers", metaFile, errors);
        ReportTwice(publicatie.Secties, s => s.Value.Grafieken ?? [], "De grafiek", "grafieken", metaFile, errors);
        ReportTwice(publicatie.Secties, s => s.Value.Wetten ? ["wetten"] : [], "Het blok", "wetten", metaFile, errors);
        ReportTwice(publicatie.Secties, s => s.Value.Vergaderingen ? ["vergaderingen"] : [], "Het blok", "vergaderingen", metaFile, errors);
        ReportTwice(publicatie.Secties, s => s.Value.Citaat ? ["citaat"] : [], "Het blok", "citaat", metaFile, errors);
        ReportTwice(publicatie.Secties, s => s.Value.Tijdlijn ? ["tijdlijn"] : [], "Het blok", "tijdlijn", metaFile, errors);

        // Every figure has its own place (and link, #cijfer-id) on the page: the downloads link to it.
        foreach (var figure in figures.Where(f => sections.All(s => !s.Figures.Contains(f))))
        {
            errors.Add(metaFile.ErrorAt("/secties", $"Het cijfer '{figure.Id}' staat bij geen enkel onderdeel. Zet het bij \"cijfers\" van een onderdeel, zodat het een eigen plek en link op de pagina heeft."));
        }
        return sections;
    }

    private static void ReportTwice(
        IReadOnlyDictionary<string, SectieFile> sections,
        Func<KeyValuePair<string, SectieFile>, IEnumerable<string>> ids,
        string what,
        string field,
        JsonDocumentSource file,
        List<ContentError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var section in sections)
        {
            foreach (var id in ids(section).Where(id => !seen.Add(id)))
            {
                errors.Add(file.ErrorAt($"/secties/{section.Key}/{field}", $"{what} '{id}' staat bij meer dan één onderdeel. Zet het bij één onderdeel; een link kan er maar naar één plek gaan."));
            }
        }
    }

    private static List<T> Resolve<T>(
        IReadOnlyList<string>? ids,
        IReadOnlyList<T> valid,
        Func<T, string> idOf,
        IReadOnlySet<string>? declared,
        string pointer,
        string what,
        JsonDocumentSource file,
        List<ContentError> errors)
    {
        var result = new List<T>();
        for (var i = 0; i < (ids?.Count ?? 0); i++)
        {
            var match = valid.FirstOrDefault(k => idOf(k) == ids![i]);
            if (match is null && KnownIds.IsMissing(declared, ids![i]))
            {
                errors.Add(file.ErrorAt($"{pointer}/{i}", $"{what} '{ids[i]}' bestaat niet in {FiguresFile}."));
            }
            else if (match is not null)
            {
                result.Add(match);
            }
        }
        return result;
    }

    private static Dictionary<string, Source> ReadSources(string directory, PublicatieFile publicatie, JsonDocumentSource file, List<ContentError> errors)
    {
        var sources = new Dictionary<string, Source>(StringComparer.Ordinal);
        for (var i = 0; i < publicatie.Bronnen.Count; i++)
        {
            var bron = publicatie.Bronnen[i];
            var date = ParseDate(bron.Datum, file, $"/bronnen/{i}/datum", errors);
            Uri? url = null;
            if (bron.Url is not null && !Uri.TryCreate(bron.Url, UriKind.Absolute, out url))
            {
                errors.Add(file.ErrorAt($"/bronnen/{i}/url", $"'{bron.Url}' is geen geldig webadres."));
            }
            var attachment = bron.Bestand is null ? null : PublicationExtras.ReadAttachment(directory, bron.Bestand, file, $"/bronnen/{i}/bestand", errors);
            if (date is not null && !sources.TryAdd(bron.Id, new Source(bron.Id, bron.Titel, bron.Uitgever, date.Value, bron.Plaats, url, attachment)))
            {
                errors.Add(file.ErrorAt($"/bronnen/{i}/id", $"De bron-id '{bron.Id}' komt twee keer voor."));
            }
        }
        return sources;
    }

    internal static void ReportDuplicates(IEnumerable<string> ids, Func<int, ContentError> error, List<ContentError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                errors.Add(error(index));
            }
            index++;
        }
    }

    internal static DateOnly? ParseDate(string text, JsonDocumentSource file, string pointer, List<ContentError> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        errors.Add(file.ErrorAt(pointer, $"'{text}' is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld 2025-07-01."));
        return null;
    }

    /// <summary>A JSON content file: its value when it passed its schema, and the parsed file whenever it is valid JSON.</summary>
    private static (T? Value, JsonDocumentSource? File) ReadJson<T>(string directory, string slug, string name, string schema, bool required, List<ContentError> errors)
        where T : class
    {
        var path = Path.Combine(directory, name);
        var relative = $"{slug}/{name}";
        if (!File.Exists(path))
        {
            if (required)
            {
                errors.Add(new ContentError(relative, 1, 1, $"Het bestand {name} ontbreekt. Elke publicatie heeft er een."));
            }
            return (null, null);
        }
        var source = JsonDocumentSource.Parse(File.ReadAllBytes(path), relative, errors);
        if (source is null)
        {
            return (null, null);
        }
        if (!ContentSchemas.Validate(source, schema, errors))
        {
            return (null, source);
        }
        source.CheckTexts(errors);
        return (ContentJson.Read<T>(source.Root), source);
    }
}
