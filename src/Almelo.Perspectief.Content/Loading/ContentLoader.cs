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

    /// <summary>Folder names the site uses for its own pages and files: a publication there could never be reached.</summary>
    public static readonly IReadOnlySet<string> ReservedFolders = new HashSet<string>(
        ["privacy", "toegankelijkheid", "schema", "js", "css", "lib", "sitemap", "robots", .. SiteRoutes.Operational],
        StringComparer.Ordinal);

    /// <summary>
    /// Reads and validates the content folder. Never throws (but <see cref="OperationCanceledException"/> when
    /// cancelled): whatever the content holds, the answer is a snapshot or a list of errors, each with the file relative
    /// to the folder (no server path) and one line of plain Dutch. The tree is walked first (<see cref="ContentTree"/>):
    /// a symbolic link anywhere in it, or a tree beyond the bounds, is reported before any file is read.
    /// </summary>
    public static ContentLoadResult Load(string root, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(root))
        {
            errors.Add(new ContentError(".", 1, 1, "Deze inhoudsmap bestaat niet."));
            return new ContentLoadResult(null, errors);
        }

        var folder = new ContentFolder(root);
        var publications = new List<Publication>();
        try
        {
            var tree = ContentTree.Walk(folder.Root, cancellationToken);
            if (tree.Errors.Count > 0)
            {
                return new ContentLoadResult(null, tree.Errors);
            }
            var names = tree.Entries.Where(e => e.Kind == ContentEntryKind.Folder && !e.Path.Contains('/', StringComparison.Ordinal))
                .Select(e => e.Path)
                .ToList();
            if (names.Count > ContentLimits.MaxPublications)
            {
                errors.Add(new ContentError(".", 1, 1, $"Er staan {names.Count} mappen in de inhoudsmap; het mogen er hoogstens {ContentLimits.MaxPublications} zijn. Haal oude of overbodige mappen weg."));
                return new ContentLoadResult(null, errors);
            }
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (FolderProblem(name) is { } problem)
                {
                    errors.Add(new ContentError(name + "/", 1, 1, problem));
                }
                else if (LoadSafely(folder, name, errors) is { } publication)
                {
                    publications.Add(publication);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that disappears or changes while it is read (an editor saving, a git checkout) is an error of this
            // read, never a crash: the next read, after the change, will see the whole file.
            errors.Add(new ContentError(".", 1, 1, $"Een bestand kon niet worden gelezen, misschien omdat het net werd veranderd ({Shown(e, folder)}). Sla het opnieuw op als dit blijft."));
        }
        if (publications.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ContentError(".", 1, 1, "Er staat geen publicatie in de inhoudsmap. Maak per publicatie een map met publicatie.json en tekst.md."));
        }

        var loadedAt = (clock ?? TimeProvider.System).GetUtcNow();
        return errors.Count == 0
            ? new ContentLoadResult(new ContentSnapshot(publications, loadedAt) { Files = folder.Files }, errors)
            : new ContentLoadResult(null, errors);
    }

    private static string? FolderProblem(string name)
    {
        if (!SectionTextReader.IsId(name))
        {
            return $"De mapnaam '{name}' kan geen webadres worden. Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 'perspectiefnota-2026-2029').";
        }
        return ReservedFolders.Contains(name)
            ? $"De mapnaam '{name}' gebruikt de site zelf al voor een eigen pagina (/{name}). Kies een andere naam, bijvoorbeeld met het jaar erbij."
            : null;
    }

    /// <summary>
    /// One publication; anything unforeseen while reading it becomes one error at the file read last, so that the
    /// site keeps its last good content and the editor still gets a place to look.
    /// </summary>
    private static Publication? LoadSafely(ContentFolder folder, string slug, List<ContentError> errors)
    {
        try
        {
            return LoadPublication(folder, slug, errors);
        }
#pragma warning disable CA1031 // Any exception here is a content problem the editor must hear of, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new ContentError(folder.LastFile, 1, 1, $"Dit bestand kon niet worden verwerkt ({Shown(e, folder)}). Maak de laatste wijziging ongedaan, of vereenvoudig de plek die u net veranderde."));
            return null;
        }
    }

    /// <summary>An exception's message without the server's path to the content folder.</summary>
    private static string Shown(Exception e, ContentFolder folder) =>
        e.Message.Replace(folder.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(folder.Root, ".", StringComparison.Ordinal);

    /// <summary>publicatie.json: the parsed file, its fields once they passed the schema, its sources and its date.</summary>
    private sealed record MetaPhase(JsonDocumentSource? File, PublicatieFile? Value, Dictionary<string, Source>? Sources, DateOnly? Date);

    /// <summary>cijfers.json: the figures and charts that are valid, and every id the file declares (valid or not).</summary>
    private sealed record FiguresPhase(IReadOnlyList<Figure> Figures, IReadOnlyList<Chart> Charts, KnownIds Known);

    /// <summary>vergaderingen.json: the valid meetings, every declared id, and whether the file exists but lists none.</summary>
    private sealed record MeetingsPhase(IReadOnlyList<Meeting> Meetings, HashSet<string>? Declared, bool Present);

    /// <summary>Everything the page needs besides the texts: press contact, share image, timeline, changes and old ids.</summary>
    private sealed record ExtrasPhase(
        PressContact? Press,
        ShareImage? Image,
        IReadOnlyList<TimelineStep> Timeline,
        List<Change> Changes,
        Dictionary<string, string> Aliases);

    /// <summary>
    /// Reads one publication in phases; each phase names what it reads and returns what later phases use. Every file is
    /// read even when another one is broken, so that the editor sees every problem at once; ids that a broken file
    /// declares still count as known, so that one mistake is reported once, not at every reference.
    /// </summary>
    private static Publication? LoadPublication(ContentFolder folder, string slug, List<ContentError> errors)
    {
        var before = errors.Count;
        var meta = ReadMeta(folder, slug, errors);
        var numbers = ReadFigures(folder, slug, meta.Sources, errors);
        var agenda = ReadAgenda(folder, slug, meta.Sources, errors);
        var (begrippen, glossaryFile) = ReadJson<BegrippenFile>(folder, slug, GlossaryFile, ContentSchemas.Begrippen, required: false, errors);
        var glossary = GlossaryReader.Read(begrippen, glossaryFile, errors);
        var laws = ReadLaws(meta, errors);
        var texts = ReadText(folder, slug, meta.Date, numbers.Figures, glossary, numbers.Known, Anchors.Of(
            numbers.Known.Figures ?? Enumerable.Empty<string>(),
            numbers.Known.Charts ?? Enumerable.Empty<string>(),
            agenda.Meetings.Select(m => m.Id),
            laws.Select(l => l.Id)), errors);
        var quote = ReadQuote(meta, errors);
        // A text that could not be read has no sections to check publicatie.json against: that would only repeat its error.
        var sections = meta is { Value: { } publicatie, File: { } metaFile } && texts is not null
            ? ReadSections(texts, publicatie, metaFile, numbers.Figures, numbers.Charts, numbers.Known, quote, laws, !agenda.Present || agenda.Meetings.Count > 0, errors)
            : null;

        if (meta is not { Value: { } value, File: { } file, Date: { } date, Sources: { } sources })
        {
            return null;
        }
        var extras = ReadExtras(folder, slug, value, file, date, numbers, agenda, glossary, laws, sections, errors);
        var (links, wording) = StatusReader.Read(file, sources, agenda.Meetings.Count > 0, errors);
        if (errors.Count > before || sections is null)
        {
            return null;
        }
        return new Publication(
            slug,
            value.Titel,
            FigureTemplate.Fill(value.Samenvatting, id => numbers.Figures.FirstOrDefault(f => f.Id == id)),
            date,
            value.Plaats,
            value.Uitgever,
            sources.Values.ToList(),
            sections,
            numbers.Figures,
            numbers.Charts,
            agenda.Meetings,
            quote,
            laws,
            extras.Press,
            extras.Image,
            extras.Changes,
            extras.Aliases,
            glossary,
            extras.Timeline)
        {
            Links = links,
            StatusWording = wording,
        };
    }

    private static MetaPhase ReadMeta(ContentFolder folder, string slug, List<ContentError> errors)
    {
        var (publicatie, file) = ReadJson<PublicatieFile>(folder, slug, PublicationFile, ContentSchemas.Publicatie, required: true, errors);
        if (publicatie is null || file is null)
        {
            return new MetaPhase(file, null, null, null);
        }
        var sources = ReadSources(folder, slug, publicatie, file, errors);
        return new MetaPhase(file, publicatie, sources, ParseDate(publicatie.Datum, file, "/datum", errors));
    }

    private static FiguresPhase ReadFigures(ContentFolder folder, string slug, Dictionary<string, Source>? sources, List<ContentError> errors)
    {
        var (cijfers, file) = ReadJson<CijfersFile>(folder, slug, FiguresFile, ContentSchemas.Cijfers, required: false, errors);
        var known = new KnownIds(
            Declared(folder, slug, FiguresFile, file, "cijfers"),
            Declared(folder, slug, FiguresFile, file, "grafieken"));
        if (cijfers is null || file is null)
        {
            return new FiguresPhase([], [], known);
        }
        var figures = new FigureCalculator(file, sources, errors).Calculate(cijfers.Cijfers);
        return new FiguresPhase(figures, ChartReader.Read(cijfers.Grafieken ?? [], figures, known, file, errors), known);
    }

    private static MeetingsPhase ReadAgenda(ContentFolder folder, string slug, Dictionary<string, Source>? sources, List<ContentError> errors)
    {
        var (vergaderingen, file) = ReadJson<VergaderingenFile>(folder, slug, MeetingsFile, ContentSchemas.Vergaderingen, required: false, errors);
        var meetings = vergaderingen is not null && file is not null ? MeetingReader.Read(vergaderingen, file, sources, errors) : [];
        return new MeetingsPhase(meetings, Declared(folder, slug, MeetingsFile, file, "vergaderingen"), vergaderingen is not null);
    }

    private static List<Law> ReadLaws(MetaPhase meta, List<ContentError> errors)
    {
        var laws = (meta.Value?.Wetten ?? []).Select(w => new Law(w.Id, w.Naam, w.Uitleg)).ToList();
        if (meta.File is { } file)
        {
            ReportDuplicates(laws.Select(l => l.Id), i => file.ErrorAt($"/wetten/{i}/id", "Deze wet-id komt twee keer voor."), errors);
        }
        return laws;
    }

    private static Quote? ReadQuote(MetaPhase meta, List<ContentError> errors)
    {
        if (meta is not { Value.Citaat: { } citaat, Sources: { } sources, File: { } file })
        {
            return null;
        }
        if (sources.TryGetValue(citaat.Bron, out var source))
        {
            return new Quote(citaat.Tekst, citaat.Naam, citaat.Functie, source);
        }
        errors.Add(file.ErrorAt("/citaat/bron", $"De bron '{citaat.Bron}' van het citaat bestaat niet. Kies een id uit \"bronnen\"."));
        return null;
    }

    private static ExtrasPhase ReadExtras(
        ContentFolder folder,
        string slug,
        PublicatieFile publicatie,
        JsonDocumentSource file,
        DateOnly date,
        FiguresPhase numbers,
        MeetingsPhase agenda,
        IReadOnlyList<Term> glossary,
        List<Law> laws,
        List<Section>? sections,
        List<ContentError> errors)
    {
        var press = PressReader.ReadPress(publicatie.Pers, file, errors);
        var image = publicatie.Deelafbeelding is { } afbeelding
            && AttachmentReader.Read(folder, slug, afbeelding.Bestand, file, "/deelafbeelding/bestand", errors) is { } imageFile
            ? new ShareImage(imageFile, afbeelding.Alt)
            : null;
        if (image is not null && !image.File.ContentType.StartsWith("image/", StringComparison.Ordinal))
        {
            errors.Add(file.ErrorAt("/deelafbeelding/bestand", "De deelafbeelding moet een .png of .jpg zijn."));
        }
        Figure? FindFigure(string id) => numbers.Figures.FirstOrDefault(f => f.Id == id);
        var timeline = TimelineReader.Read(publicatie.Tijdlijn, agenda.Meetings, agenda.Declared, FindFigure, numbers.Known, file, errors);
        foreach (var reference in FigureTemplate.References(publicatie.Samenvatting).Distinct().Where(numbers.Known.IsMissingFigure))
        {
            errors.Add(file.ErrorAt("/samenvatting", $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet in cijfers.json."));
        }
        var changes = PressReader.ReadChanges(publicatie.Wijzigingen, date, file, errors);
        if (sections is null)
        {
            return new ExtrasPhase(press, image, timeline, changes, []);
        }
        var pageAnchors = Anchors.Of(numbers.Figures.Select(f => f.Id), numbers.Charts.Select(c => c.Id), agenda.Meetings.Select(m => m.Id), laws.Select(l => l.Id))
            .Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        pageAnchors.UnionWith(glossary.Select(t => Anchors.Term(t.Id)));
        var aliasTargets = numbers.Figures.Select(f => Anchors.Figure(f.Id)).Concat(numbers.Charts.Select(c => Anchors.Chart(c.Id))).Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        var aliases = PressReader.ReadAliases(publicatie.Aliassen, pageAnchors, aliasTargets, file, errors);
        return new ExtrasPhase(press, image, timeline, changes, aliases);
    }

    private static IReadOnlyList<SectionText>? ReadText(
        ContentFolder folder,
        string slug,
        DateOnly? date,
        IReadOnlyList<Figure> figures,
        IReadOnlyList<Term> glossary,
        KnownIds known,
        IEnumerable<string> anchors,
        List<ContentError> errors)
    {
        var file = $"{slug}/{TextFile}";
        if (!folder.Exists(file))
        {
            errors.Add(new ContentError(file, 1, 1, "Het bestand tekst.md ontbreekt. Elke publicatie heeft een tekst met onderdelen."));
            return null;
        }
        if (ReadUtf8(folder, file, errors) is not { } markdown)
        {
            return null;
        }
        return SectionTextReader.Read(
            markdown,
            file,
            date?.Year ?? 0,
            id => figures.FirstOrDefault(f => f.Id == id),
            glossary,
            known,
            anchors.ToHashSet(StringComparer.Ordinal),
            errors);
    }

    /// <summary>A text file as UTF-8 with \n line ends (\r\n and a lone \r are read as one line end); invalid UTF-8 is an error, never replaced silently.</summary>
    private static string? ReadUtf8(ContentFolder folder, string file, List<ContentError> errors)
    {
        if (folder.Read(file, ContentLimits.MaxTextFileBytes, out var problem) is not { } bytes)
        {
            errors.Add(new ContentError(file, 1, 1, problem ?? string.Empty));
            return null;
        }
        var text = bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? bytes[System.Text.Encoding.UTF8.Preamble.Length..] : bytes.ToArray();
        TextChecks.NormalizeLoneCarriageReturns(text);
        var invalid = TextChecks.FindInvalidUtf8(text);
        if (invalid >= 0)
        {
            var (line, column) = TextChecks.Position(text, invalid);
            errors.Add(new ContentError(file, line, column, TextChecks.InvalidUtf8Message));
            return null;
        }
        return System.Text.Encoding.UTF8.GetString(text).Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>The ids a content file declares in one of its lists, read even when the file failed its schema; null when the file could not be read at all.</summary>
    private static HashSet<string>? Declared(ContentFolder folder, string slug, string name, JsonDocumentSource? file, string list)
    {
        if (file is null)
        {
            return folder.Exists($"{slug}/{name}") ? null : [];
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (file.Root.ValueKind == JsonValueKind.Object && file.Root.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id) && id.GetString() is { } text)
                {
                    ids.Add(text);
                }
            }
        }
        return ids;
    }

    private static List<Section> ReadSections(
        IReadOnlyList<SectionText> texts,
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
        for (var i = 0; i < (ids ?? []).Count; i++)
        {
            var id = (ids ?? [])[i];
            var match = valid.FirstOrDefault(k => idOf(k) == id);
            if (match is null && KnownIds.IsMissing(declared, id))
            {
                errors.Add(file.ErrorAt($"{pointer}/{i}", $"{what} '{id}' bestaat niet in {FiguresFile}."));
            }
            else if (match is not null)
            {
                result.Add(match);
            }
        }
        return result;
    }

    private static Dictionary<string, Source> ReadSources(ContentFolder folder, string slug, PublicatieFile publicatie, JsonDocumentSource file, List<ContentError> errors)
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
            var attachment = bron.Bestand is null ? null : AttachmentReader.Read(folder, slug, bron.Bestand, file, $"/bronnen/{i}/bestand", errors);
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
            if (date >= ContentLimits.FirstDate && date <= ContentLimits.LastDate)
            {
                return date;
            }
            errors.Add(file.ErrorAt(pointer, $"De datum {text} ligt te ver weg. Een datum ligt tussen {ContentLimits.FirstDate:yyyy-MM-dd} en {ContentLimits.LastDate:yyyy-MM-dd}; controleer het jaar."));
            return null;
        }
        errors.Add(file.ErrorAt(pointer, $"'{text}' is geen bestaande datum. Schrijf jaar-maand-dag, bijvoorbeeld 2025-07-01."));
        return null;
    }

    /// <summary>A JSON content file: its value when it passed its schema, and the parsed file whenever it is valid JSON.</summary>
    private static (T? Value, JsonDocumentSource? File) ReadJson<T>(ContentFolder folder, string slug, string name, string schema, bool required, List<ContentError> errors)
        where T : class
    {
        var relative = $"{slug}/{name}";
        if (!folder.Exists(relative))
        {
            if (required)
            {
                errors.Add(new ContentError(relative, 1, 1, $"Het bestand {name} ontbreekt. Elke publicatie heeft er een."));
            }
            return (null, null);
        }
        if (folder.Read(relative, ContentLimits.MaxTextFileBytes, out var problem) is not { } bytes)
        {
            errors.Add(new ContentError(relative, 1, 1, problem ?? string.Empty));
            return (null, null);
        }
        var source = JsonDocumentSource.Parse(bytes, relative, errors);
        if (source is null)
        {
            return (null, null);
        }
        if (!ContentSchemas.Validate(source, schema, errors))
        {
            return (null, source);
        }
        source.CheckTexts(errors);
        return (source.Read<T>(errors), source);
    }
}
