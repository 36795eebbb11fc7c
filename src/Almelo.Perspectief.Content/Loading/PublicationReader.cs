using System.Text.Json;
using Almelo.Perspectief.Content.Figures;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads one publication (a folder of the content folder) in phases; each phase names what it reads and returns what
/// later phases use. Every file is read even when another one is broken, so that the editor sees every problem at once;
/// ids that a broken file declares still count as known, so that one mistake is reported once, not at every reference.
/// <paramref name="today"/> is the date in Almelo when the content is read.
/// </summary>
internal sealed class PublicationReader(ContentFolder folder, string slug, DateOnly today, List<ContentError> errors)
{
    /// <summary>publicatie.json: the parsed file, its fields once they passed the schema, its sources and its date.</summary>
    private sealed record MetaPhase(JsonDocumentSource? File, PublicatieFile? Value, Dictionary<string, Source>? Sources, DateOnly? Date);

    /// <summary>cijfers.json: the figures and charts that are valid, and every id the file declares (valid or not).</summary>
    private sealed record FiguresPhase(IReadOnlyList<Figure> Figures, IReadOnlyList<Chart> Charts, KnownIds Known);

    /// <summary>vergaderingen.json: the valid meetings, every declared id, and whether the file exists but lists none.</summary>
    private sealed record MeetingsPhase(IReadOnlyList<Meeting> Meetings, HashSet<string>? Declared, bool Present);

    /// <summary>Everything the page needs besides the texts and the old ids: press contact, timeline and changes.</summary>
    private sealed record ExtrasPhase(PressContact? Press, IReadOnlyList<TimelineStep> Timeline, List<Change> Changes);

    public Publication? Read()
    {
        var before = errors.Count;
        var meta = ReadMeta();
        var numbers = ReadFigures(meta.Sources);
        var agenda = ReadAgenda(meta.Sources);
        var (begrippen, glossaryFile) = ReadJson<BegrippenFile>(ContentLoader.GlossaryFile, ContentSchemas.Begrippen, required: false);
        var glossary = GlossaryReader.Read(begrippen, glossaryFile, errors);
        var laws = ReadLaws(meta);
        var texts = ReadText(meta.Date, numbers, glossary, StatusReader.SentenceNames(meta.File, meta.Value is not null), Anchors.Of(
            numbers.Known.Figures ?? Enumerable.Empty<string>(),
            numbers.Known.Charts ?? Enumerable.Empty<string>(),
            agenda.Meetings.Select(m => m.Id),
            laws.Select(l => l.Id)));
        var quote = ReadQuote(meta);
        // A text that could not be read has no sections to check publicatie.json against: that would only repeat its error.
        var sections = meta is { Value: { } publicatie, File: { } metaFile } && texts is not null
            ? ReadSections(texts, publicatie, metaFile, numbers, quote, laws, !agenda.Present || agenda.Meetings.Count > 0)
            : null;

        if (meta is not { Value: { } value, File: { } file, Date: { } date, Sources: { } sources })
        {
            return null;
        }
        var extras = ReadExtras(value, file, date, sources, numbers, agenda);
        // Old ids are checked against everything on the page: without its sections there is nothing to check them against.
        var aliases = sections is null
            ? []
            : PressReader.ReadAliases(value.Aliassen, PageAnchors(numbers, agenda, glossary, laws, sections, sources.Keys), AliasTargets(numbers, sections), file, errors);
        var (links, wording, sentences) = StatusReader.Read(file, sources, agenda.Meetings.Count > 0, errors);
        var license = PressReader.ReadLicense(value.Licentie, file, errors);
        if (value.BerekendDoor is null && numbers.Figures.Any(f => f.IsDerived))
        {
            errors.Add(file.ErrorAt(string.Empty, "cijfers.json heeft berekende cijfers (\"afgeleid\"), maar publicatie.json zegt niet wie ze uitrekende. Zet bij \"berekend-door\" bijvoorbeeld \"deze website\"; de tabel ‘Alle cijfers’ noemt het."));
        }
        if (errors.Count > before || sections is null)
        {
            return null;
        }
        return new Publication(
            slug,
            value.Titel,
            FigureTemplate.Fill(value.Samenvatting, id => numbers.Figures.FirstOrDefault(f => f.Id == id), TextFormat.Dutch),
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
            extras.Changes,
            aliases,
            glossary,
            extras.Timeline)
        {
            Links = links,
            StatusWording = wording,
            License = license,
            ComputedBy = value.BerekendDoor,
            StatusSentences = sentences,
        };
    }

    private MetaPhase ReadMeta()
    {
        var (publicatie, file) = ReadJson<PublicatieFile>(ContentLoader.PublicationFile, ContentSchemas.Publicatie, required: true);
        if (publicatie is null || file is null)
        {
            return new MetaPhase(file, null, null, null);
        }
        var sources = new SourceReader(folder, today, errors).Read(publicatie.Bronnen, file, "/bronnen", slug);
        return new MetaPhase(file, publicatie, sources, file.ReadDate(publicatie.Datum, "/datum", errors));
    }

    private FiguresPhase ReadFigures(Dictionary<string, Source>? sources)
    {
        var (cijfers, file) = ReadJson<CijfersFile>(ContentLoader.FiguresFile, ContentSchemas.Cijfers, required: false);
        var known = new KnownIds(
            Declared(ContentLoader.FiguresFile, file, "cijfers"),
            Declared(ContentLoader.FiguresFile, file, "grafieken"));
        // Read from the file as written, before the schema's verdict and before any calculation uses the number.
        var mistyped = file is null ? [] : TypedNumbers.CheckFigures(file, errors);
        if (cijfers is null || file is null)
        {
            return new FiguresPhase([], [], known);
        }
        var figures = new FigureCalculator(file, sources, errors, mistyped).Calculate(cijfers.Cijfers);
        return new FiguresPhase(figures, ChartReader.Read(cijfers.Grafieken ?? [], figures, known, file, errors), known);
    }

    private MeetingsPhase ReadAgenda(Dictionary<string, Source>? sources)
    {
        var (vergaderingen, file) = ReadJson<VergaderingenFile>(ContentLoader.MeetingsFile, ContentSchemas.Vergaderingen, required: false);
        var meetings = vergaderingen is not null && file is not null ? MeetingReader.Read(vergaderingen, file, sources, errors) : [];
        return new MeetingsPhase(meetings, Declared(ContentLoader.MeetingsFile, file, "vergaderingen"), vergaderingen is not null);
    }

    private List<Law> ReadLaws(MetaPhase meta)
    {
        var laws = (meta.Value?.Wetten ?? []).Select(w => new Law(w.Id, w.Naam, w.Uitleg)).ToList();
        if (meta.File is { } file)
        {
            ContentLoader.ReportDuplicates(laws.Select(l => l.Id), i => file.ErrorAt($"/wetten/{i}/id", "Deze wet-id komt twee keer voor."), errors);
        }
        return laws;
    }

    private Quote? ReadQuote(MetaPhase meta)
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

    private ExtrasPhase ReadExtras(PublicatieFile publicatie, JsonDocumentSource file, DateOnly date, IReadOnlyDictionary<string, Source> sources, FiguresPhase numbers, MeetingsPhase agenda)
    {
        var press = PressReader.ReadPress(publicatie.Pers, file, errors);
        Figure? FindFigure(string id) => numbers.Figures.FirstOrDefault(f => f.Id == id);
        var timeline = TimelineReader.Read(publicatie.Tijdlijn, agenda.Meetings, agenda.Declared, FindFigure, numbers.Known, sources, file, errors);
        foreach (var reference in FigureTemplate.References(publicatie.Samenvatting).Distinct().Where(numbers.Known.IsMissingFigure))
        {
            errors.Add(file.ErrorAt("/samenvatting", $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet in cijfers.json."));
        }
        var changes = PressReader.ReadChanges(publicatie.Wijzigingen, date, today, file, errors);
        return new ExtrasPhase(press, timeline, changes);
    }

    /// <summary>
    /// The ids on the page that an old id may not take: the fixed blocks' and those of the sections, figures, charts,
    /// meetings, laws, terms and sources. The ids made from these (…__kop) have a form that content cannot write.
    /// </summary>
    private static HashSet<string> PageAnchors(FiguresPhase numbers, MeetingsPhase agenda, IReadOnlyList<Term> glossary, IReadOnlyList<Law> laws, IReadOnlyList<Section> sections, IEnumerable<string> sourceIds)
    {
        var anchors = Anchors.Of(numbers.Figures.Select(f => f.Id), numbers.Charts.Select(c => c.Id), agenda.Meetings.Select(m => m.Id), laws.Select(l => l.Id))
            .Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);
        anchors.UnionWith(glossary.Select(t => Anchors.Term(t.Id)));
        anchors.UnionWith(sourceIds.Select(Anchors.Source));
        anchors.UnionWith(Anchors.Reserved);
        return anchors;
    }

    /// <summary>What an old id may lead to: a section, a figure or a chart.</summary>
    private static HashSet<string> AliasTargets(FiguresPhase numbers, IReadOnlyList<Section> sections) =>
        numbers.Figures.Select(f => Anchors.Figure(f.Id)).Concat(numbers.Charts.Select(c => Anchors.Chart(c.Id))).Concat(sections.Select(s => s.Id))
            .ToHashSet(StringComparer.Ordinal);

    private IReadOnlyList<SectionText>? ReadText(DateOnly? date, FiguresPhase numbers, IReadOnlyList<Term> glossary, IReadOnlySet<string>? statusSentences, IEnumerable<string> anchors)
    {
        var file = $"{slug}/{ContentLoader.TextFile}";
        if (!folder.Exists(file))
        {
            errors.Add(new ContentError(file, 1, 1, "Het bestand tekst.md ontbreekt. Elke publicatie heeft een tekst met onderdelen."));
            return null;
        }
        if (new ContentFileReader(folder, errors).Text(file) is not { } markdown)
        {
            return null;
        }
        return SectionTextReader.Read(
            markdown,
            file,
            date?.Year ?? 0,
            id => numbers.Figures.FirstOrDefault(f => f.Id == id),
            TextFormat.Dutch,
            glossary,
            numbers.Known,
            anchors.ToHashSet(StringComparer.Ordinal),
            statusSentences,
            errors);
    }

    /// <summary>The ids a content file declares in one of its lists, read even when the file failed its schema; null when the file could not be read at all.</summary>
    private HashSet<string>? Declared(string name, JsonDocumentSource? file, string list)
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

    private List<Section> ReadSections(
        IReadOnlyList<SectionText> texts,
        PublicatieFile publicatie,
        JsonDocumentSource metaFile,
        FiguresPhase numbers,
        Quote? quote,
        List<Law> laws,
        bool hasMeetings)
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
            var sectionFigures = Resolve(extras.Cijfers, numbers.Figures, f => f.Id, numbers.Known.Figures, at + "/cijfers", "Het cijfer", metaFile);
            var sectionCharts = Resolve(extras.Grafieken, numbers.Charts, c => c.Id, numbers.Known.Charts, at + "/grafieken", "De grafiek", metaFile);
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
        ReportTwice(publicatie.Secties, s => s.Value.Cijfers ?? [], "Het cijfer", "cijfers", metaFile);
        ReportTwice(publicatie.Secties, s => s.Value.Grafieken ?? [], "De grafiek", "grafieken", metaFile);
        ReportTwice(publicatie.Secties, s => s.Value.Wetten ? ["wetten"] : [], "Het blok", "wetten", metaFile);
        ReportTwice(publicatie.Secties, s => s.Value.Vergaderingen ? ["vergaderingen"] : [], "Het blok", "vergaderingen", metaFile);
        ReportTwice(publicatie.Secties, s => s.Value.Citaat ? ["citaat"] : [], "Het blok", "citaat", metaFile);
        ReportTwice(publicatie.Secties, s => s.Value.Tijdlijn ? ["tijdlijn"] : [], "Het blok", "tijdlijn", metaFile);

        // Every figure has its own place (and link, #cijfer-id) on the page: the downloads link to it.
        foreach (var figure in numbers.Figures.Where(f => sections.All(s => !s.Figures.Contains(f))))
        {
            errors.Add(metaFile.ErrorAt("/secties", $"Het cijfer '{figure.Id}' staat bij geen enkel onderdeel. Zet het bij \"cijfers\" van een onderdeel, zodat het een eigen plek en link op de pagina heeft."));
        }
        return sections;
    }

    private void ReportTwice(
        IReadOnlyDictionary<string, SectieFile> sections,
        Func<KeyValuePair<string, SectieFile>, IEnumerable<string>> ids,
        string what,
        string field,
        JsonDocumentSource file)
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

    private List<T> Resolve<T>(
        IReadOnlyList<string>? ids,
        IReadOnlyList<T> valid,
        Func<T, string> idOf,
        IReadOnlySet<string>? declared,
        string pointer,
        string what,
        JsonDocumentSource file)
    {
        var result = new List<T>();
        for (var i = 0; i < (ids ?? []).Count; i++)
        {
            var id = (ids ?? [])[i];
            var match = valid.FirstOrDefault(k => idOf(k) == id);
            if (match is null && KnownIds.IsMissing(declared, id))
            {
                errors.Add(file.ErrorAt($"{pointer}/{i}", $"{what} '{id}' bestaat niet in {ContentLoader.FiguresFile}."));
            }
            else if (match is not null)
            {
                result.Add(match);
            }
        }
        return result;
    }

    /// <summary>A JSON content file: its value when it passed its schema, and the parsed file whenever it is valid JSON.</summary>
    private (T? Value, JsonDocumentSource? File) ReadJson<T>(string name, string schema, bool required)
        where T : class => new ContentFileReader(folder, errors).Json<T>($"{slug}/{name}", schema, required);
}
