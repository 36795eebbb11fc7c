using System.Text.Json;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads a publication's translation (<c>tekst.en.md</c> and <c>vertaling.en.json</c>) and builds its edition from the
/// validated Dutch publication: the same ids, figure values, dates, sources, meetings and layout, with the words of the
/// translation. Every record that carries words is built anew, so that no Dutch text is reachable from the edition; a
/// Dutch id or position that has no translation is an error that names it and the file to add it to.
/// </summary>
internal sealed class TranslationReader(ContentFolder folder, string slug, SiteLanguage language, List<ContentError> errors)
{
    private readonly string textPath = $"{slug}/{ContentLoader.TextFileIn(language)}";
    private readonly string wordsPath = $"{slug}/{ContentLoader.TranslationFileIn(language)}";

    /// <summary>
    /// The edition in <see cref="TranslationReader"/>'s language; null when the folder has no translation, or (with
    /// errors) when it is incomplete. With <paramref name="original"/> null (the Dutch files have errors) the files are
    /// still read and checked on their own, so that the editor sees those mistakes too.
    /// </summary>
    public Publication? Read(Publication? original)
    {
        var hasText = folder.Exists(textPath);
        var hasWords = folder.Exists(wordsPath);
        if (!hasText && !hasWords)
        {
            return null;
        }
        if (hasText != hasWords)
        {
            var (present, absent) = hasText ? (textPath, wordsPath) : (wordsPath, textPath);
            errors.Add(new ContentError(present, 1, 1, $"Er staat wel een {Path.GetFileName(present)}, maar geen {Path.GetFileName(absent)}. Een vertaling heeft ze allebei nodig: zet {Path.GetFileName(absent)} erbij, of haal {Path.GetFileName(present)} weg (zie de inhoudsgids, hoofdstuk \"Een vertaling in het Engels\")."));
            return null;
        }
        var reader = new ContentFileReader(folder, errors);
        var (words, file) = reader.Json<VertalingFile>(wordsPath, ContentSchemas.Vertaling, required: true);
        var markdown = reader.Text(textPath);
        if (original is null || words is null || file is null || markdown is null)
        {
            return null;
        }
        var before = errors.Count;
        var edition = new Edition(original, words, file, language, errors).Build(markdown, textPath);
        return errors.Count > before ? null : edition;
    }

    /// <summary>One edition being built: each step maps the Dutch records to new ones with the translation's words.</summary>
    private sealed class Edition(Publication original, VertalingFile words, JsonDocumentSource file, SiteLanguage language, List<ContentError> errors)
    {
        private readonly TextFormat format = TextFormat.For(language);
        private readonly Dictionary<string, Source> sources = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Figure> figures = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Chart> charts = new(StringComparer.Ordinal);
        private readonly Dictionary<string, Meeting> meetings = new(StringComparer.Ordinal);
        private readonly KnownIds known = new(
            original.Figures.Select(f => f.Id).ToHashSet(StringComparer.Ordinal),
            original.Charts.Select(c => c.Id).ToHashSet(StringComparer.Ordinal));

        private string FileName => Path.GetFileName(file.RelativePath);

        public Publication? Build(string markdown, string textPath)
        {
            CheckKeys("bronnen", original.Sources.Select(s => s.Id), "\"bronnen\" in publicatie.json");
            CheckKeys("cijfers", original.Figures.Select(f => f.Id), ContentLoader.FiguresFile);
            CheckKeys("grafieken", original.Charts.Select(c => c.Id), "\"grafieken\" in cijfers.json");
            CheckKeys("wetten", original.Laws.Select(l => l.Id), "\"wetten\" in publicatie.json");
            CheckKeys("begrippen", original.Glossary.Select(t => t.Id), ContentLoader.GlossaryFile);
            CheckKeys("vergaderingen", original.Meetings.Select(m => m.Id), ContentLoader.MeetingsFile);

            foreach (var source in original.Sources)
            {
                sources[source.Id] = words.Bronnen?.GetValueOrDefault(source.Id) is { } bron
                    ? source with { Title = bron.Titel, TitleLanguage = language }
                    : source with { };
            }
            foreach (var figure in original.Figures)
            {
                Map(figure);
            }
            foreach (var chart in original.Charts)
            {
                charts[chart.Id] = Map(chart);
            }
            foreach (var meeting in original.Meetings)
            {
                meetings[meeting.Id] = Map(meeting);
            }
            var laws = original.Laws.Select(Map).ToList();
            var glossary = Glossary();
            var sections = Sections(markdown, textPath, glossary, laws);
            CheckFigures(words.Samenvatting, "/samenvatting");
            var (wording, sentences) = Status();
            var extras = (Quote: Quote(), Changes: Changes(), Links: Links(), Timeline: Timeline(), ComputedBy: ComputedBy());
            if (sections is null)
            {
                return null;
            }
            return new Publication(
                original.Slug,
                words.Titel,
                FigureTemplate.Fill(words.Samenvatting, Lookup, format),
                original.Date,
                original.Place,
                original.Publisher,
                original.Sources.Select(s => sources[s.Id]).ToList(),
                sections,
                original.Figures.Select(f => figures[f.Id]).ToList(),
                original.Charts.Select(c => charts[c.Id]).ToList(),
                original.Meetings.Select(m => meetings[m.Id]).ToList(),
                extras.Quote,
                laws,
                original.Press,
                extras.Changes,
                original.Aliases,
                glossary,
                extras.Timeline)
            {
                Language = language,
                Links = extras.Links,
                License = original.License,
                ComputedBy = extras.ComputedBy,
                StatusWording = wording,
                StatusSentences = sentences,
            };
        }

        private Figure? Lookup(string id) => figures.GetValueOrDefault(id);

        /// <summary>Every key of an id-keyed block must be a Dutch id: ids are never translated.</summary>
        private void CheckKeys(string block, IEnumerable<string> ids, string origin)
        {
            var valid = ids.ToHashSet(StringComparer.Ordinal);
            if (file.Root.TryGetProperty(block, out var items) && items.ValueKind == JsonValueKind.Object)
            {
                foreach (var item in items.EnumerateObject().Where(i => !valid.Contains(i.Name)))
                {
                    errors.Add(file.ErrorAt($"/{block}/{item.Name}", $"'{item.Name}' is geen id uit {origin}. Ids worden niet vertaald: schrijf de id zoals hij daar staat, of haal dit weg."));
                }
            }
        }

        private void CheckFigures(string text, string pointer)
        {
            foreach (var reference in FigureTemplate.References(text).Distinct().Where(known.IsMissingFigure))
            {
                errors.Add(file.ErrorAt(pointer, $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet in cijfers.json."));
            }
        }

        private void CheckCount(string pointer, int count, int expected, string each, string origin) =>
            SiteTranslationReader.Count(file, pointer, count, expected, each, origin, errors);

        /// <summary>A figure with the translation's label, its sources and the figures it is computed from (mapped first: dependency order).</summary>
        private Figure Map(Figure figure)
        {
            if (figures.TryGetValue(figure.Id, out var done))
            {
                return done;
            }
            var label = words.Cijfers?.GetValueOrDefault(figure.Id);
            if (label is null)
            {
                errors.Add(file.ErrorAt("/cijfers", $"Het cijfer '{figure.Id}' heeft geen Engelse naam. Zet bij \"cijfers\" in {FileName}: \"{figure.Id}\": \"…\" (de naam van het cijfer in het Engels)."));
            }
            var mapped = figure with
            {
                Label = label ?? string.Empty,
                Source = figure.Source is { } source ? sources[source.Id] : null,
                Derivation = figure.Derivation is { } derivation ? derivation with { Inputs = derivation.Inputs.Select(Map).ToList() } : null,
            };
            figures[figure.Id] = mapped;
            return mapped;
        }

        private Chart Map(Chart chart)
        {
            var at = $"/grafieken/{chart.Id}";
            if (words.Grafieken?.GetValueOrDefault(chart.Id) is not { } grafiek)
            {
                var labels = chart.Kind == ChartKind.Verdeling ? "\"delen\"" : "\"categorieen\" en \"reeksen\"";
                errors.Add(file.ErrorAt("/grafieken", $"De grafiek '{chart.Id}' heeft geen Engelse tekst. Zet bij \"grafieken\" in {FileName} een blok \"{chart.Id}\" met \"titel\", \"samenvatting\" en {labels}, in het Engels."));
                return chart with { Title = string.Empty, Summary = string.Empty };
            }
            CheckFigures(grafiek.Titel, at + "/titel");
            CheckFigures(grafiek.Samenvatting, at + "/samenvatting");
            var parts = grafiek.Delen ?? [];
            var categories = grafiek.Categorieen ?? [];
            var series = grafiek.Reeksen ?? [];
            CheckCount(grafiek.Delen is null ? at : at + "/delen", parts.Count, chart.Parts.Count, "elk deel", $"\"delen\" van de grafiek in {ContentLoader.FiguresFile}");
            CheckCount(grafiek.Categorieen is null ? at : at + "/categorieen", categories.Count, chart.Categories.Count, "elke categorie", $"\"categorieen\" van de grafiek in {ContentLoader.FiguresFile}");
            CheckCount(grafiek.Reeksen is null ? at : at + "/reeksen", series.Count, chart.Series.Count, "elke reeks", $"\"reeksen\" van de grafiek in {ContentLoader.FiguresFile}");
            return new Chart(
                chart.Id,
                chart.Kind,
                FigureTemplate.Fill(grafiek.Titel, Lookup, format),
                FigureTemplate.Fill(grafiek.Samenvatting, Lookup, format),
                chart.Parts.Select((p, i) => new ChartPart(parts.ElementAtOrDefault(i) ?? string.Empty, figures[p.Figure.Id])).ToList(),
                chart.Total is { } total ? figures[total.Id] : null,
                chart.Categories.Select((c, i) => categories.ElementAtOrDefault(i) ?? string.Empty).ToList(),
                chart.Series.Select((s, i) => new ChartSeries(series.ElementAtOrDefault(i) ?? string.Empty, s.Values.Select(v => v is null ? null : figures[v.Id]).ToList())).ToList());
        }

        private Meeting Map(Meeting meeting)
        {
            var at = $"/vergaderingen/{meeting.Id}";
            if (words.Vergaderingen?.GetValueOrDefault(meeting.Id) is not { } vergadering)
            {
                errors.Add(file.ErrorAt("/vergaderingen", $"De vergadering '{meeting.Id}' heeft geen Engels onderwerp. Zet bij \"vergaderingen\" in {FileName}: \"{meeting.Id}\": {{ \"onderwerp\": \"…\" }}."));
                return meeting with { Subject = string.Empty, Speaking = null, Outcome = null };
            }
            var speaking = Optional(meeting.Speaking?.Text, vergadering.Inspreken, at, "inspreken");
            var outcome = Optional(meeting.Outcome?.Text, vergadering.Uitkomst, at, "uitkomst");
            return meeting with
            {
                Subject = vergadering.Onderwerp,
                Speaking = meeting.Speaking is { } s ? s with { Text = speaking ?? string.Empty } : null,
                Outcome = meeting.Outcome is { } o ? new MeetingOutcome(outcome ?? string.Empty, o.Decision, sources[o.Source.Id]) : null,
            };
        }

        /// <summary>A text the translation has exactly where the Dutch has one (a meeting's "inspreken", "uitkomst").</summary>
        private string? Optional(string? dutch, string? translated, string at, string field)
        {
            if (dutch is not null && translated is null)
            {
                errors.Add(file.ErrorAt(at, $"In {ContentLoader.MeetingsFile} heeft deze vergadering een \"{field}\", maar hier niet. Zet \"{field}\" met de Engelse tekst in dit blok."));
            }
            else if (dutch is null && translated is not null)
            {
                errors.Add(file.ErrorAt($"{at}/{field}", $"In {ContentLoader.MeetingsFile} heeft deze vergadering geen \"{field}\". Haal \"{field}\" hier weg, of zet het eerst in {ContentLoader.MeetingsFile}."));
            }
            return translated;
        }

        private Law Map(Law law)
        {
            if (words.Wetten?.GetValueOrDefault(law.Id) is { } wet)
            {
                return new Law(law.Id, law.Name, wet.Uitleg);
            }
            errors.Add(file.ErrorAt("/wetten", $"De wet '{law.Id}' heeft geen Engelse uitleg. Zet bij \"wetten\" in {FileName}: \"{law.Id}\": {{ \"uitleg\": \"…\" }}. De naam van de wet blijft Nederlands."));
            return new Law(law.Id, law.Name, string.Empty);
        }

        /// <summary>The terms with their English words; as in Dutch, one word links to one explanation.</summary>
        private List<Term> Glossary()
        {
            var terms = new List<Term>();
            var forms = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var term in original.Glossary)
            {
                if (words.Begrippen?.GetValueOrDefault(term.Id) is not { } begrip)
                {
                    errors.Add(file.ErrorAt("/begrippen", $"Het begrip '{term.Id}' heeft geen Engelse tekst. Zet bij \"begrippen\" in {FileName} een blok \"{term.Id}\" met \"term\" en \"uitleg\" in het Engels (en \"vormen\" als de tekst het woord ook anders schrijft)."));
                    continue;
                }
                foreach (var form in (begrip.Vormen ?? []).Prepend(begrip.Term).Where(f => !forms.TryAdd(f, term.Id)))
                {
                    errors.Add(file.ErrorAt($"/begrippen/{term.Id}", $"Het woord '{form}' hoort al bij het begrip '{forms[form]}'. Een woord kan maar naar één uitleg linken."));
                }
                terms.Add(new Term(term.Id, begrip.Term, begrip.Vormen ?? [], begrip.Uitleg));
            }
            return terms;
        }

        /// <summary>The translated text, with the same sections in the same order as tekst.md, each showing what its Dutch section shows.</summary>
        private List<Section>? Sections(string markdown, string textPath, IReadOnlyList<Term> glossary, IReadOnlyList<Law> laws)
        {
            var texts = SectionTextReader.Read(
                markdown,
                textPath,
                original.Date.Year,
                Lookup,
                format,
                glossary,
                known,
                Anchors.Of(original.Figures.Select(f => f.Id), original.Charts.Select(c => c.Id), original.Meetings.Select(m => m.Id), laws.Select(l => l.Id)).ToHashSet(StringComparer.Ordinal),
                original.StatusSentences.Keys.ToHashSet(StringComparer.Ordinal),
                errors);
            if (texts is null)
            {
                return null;
            }
            var dutchOrder = original.Sections.Select(s => s.Id).ToList();
            foreach (var text in texts.Where(t => !dutchOrder.Contains(t.Id)))
            {
                errors.Add(new ContentError(textPath, text.Line, 1, $"Het onderdeel '{text.Id}' staat niet in tekst.md. Ids worden niet vertaald: gebruik de id van een kop daar ({string.Join(", ", dutchOrder)})."));
            }
            var present = texts.Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (id, index) in dutchOrder.Select((id, i) => (id, i)).Where(d => !present.Contains(d.id)))
            {
                var next = dutchOrder.Skip(index + 1).Select(n => texts.FirstOrDefault(t => t.Id == n)).FirstOrDefault(t => t is not null);
                var line = next?.Line ?? markdown.Split('\n').Length;
                var title = original.Sections[index].Title;
                errors.Add(new ContentError(textPath, line, 1, $"Het onderdeel '{id}' ({title}) uit tekst.md ontbreekt. Zet {(next is null ? "aan het eind" : "vóór deze kop")} een kop ## … {{#{id}}} met de Engelse tekst van dat onderdeel."));
            }
            var common = texts.Where(t => dutchOrder.Contains(t.Id)).ToList();
            var expected = dutchOrder.Where(present.Contains).ToList();
            if (common.Select((t, i) => (t, i)).FirstOrDefault(c => c.t.Id != expected[c.i]) is { t: { } misplaced })
            {
                errors.Add(new ContentError(textPath, misplaced.Line, 1, $"Het onderdeel '{misplaced.Id}' staat op een andere plek dan in tekst.md. Zet de onderdelen in dezelfde volgorde als daar: {string.Join(", ", dutchOrder)}."));
            }
            return common.Select(t => original.FindSection(t.Id) is { } dutch
                ? new Section(t.Id, t.Title, t.Html, dutch.Figures.Select(f => figures[f.Id]).ToList(), dutch.Charts.Select(c => charts[c.Id]).ToList(), dutch.ShowQuote, dutch.ShowLaws, dutch.ShowMeetings, dutch.ShowTimeline)
                : null).OfType<Section>().ToList();
        }

        private (StatusWording? Wording, IReadOnlyDictionary<string, StatusWording> Sentences) Status()
        {
            var sentences = new Dictionary<string, StatusWording>(StringComparer.Ordinal);
            if (original.StatusWording is null)
            {
                if (words.Status is not null)
                {
                    errors.Add(file.ErrorAt("/status", "publicatie.json heeft geen \"status\". Haal \"status\" hier weg, of zet de zinnen eerst in publicatie.json."));
                }
                return (null, sentences);
            }
            if (words.Status is not { } status)
            {
                errors.Add(file.ErrorAt(string.Empty, $"publicatie.json heeft zinnen bij \"status\", maar {FileName} niet. Zet bij \"status\" dezelfde zinnen in het Engels, met dezelfde plekken tussen {{ }}, zoals {{bespreken}}."));
                return (null, sentences);
            }
            StatusReader.CheckPlaceholders(status.Own, "/status", file, errors);
            var translated = status.Zinnen ?? new Dictionary<string, ZinnenFile>();
            foreach (var name in translated.Keys.Where(n => !original.StatusSentences.ContainsKey(n)))
            {
                errors.Add(file.ErrorAt($"/status/zinnen/{name}", $"'{name}' is geen zin uit \"status\" → \"zinnen\" in publicatie.json. Gebruik dezelfde naam als daar, of haal de zin weg."));
            }
            foreach (var name in original.StatusSentences.Keys)
            {
                if (translated.GetValueOrDefault(name) is { } zin)
                {
                    StatusReader.CheckPlaceholders(zin, $"/status/zinnen/{name}", file, errors);
                    sentences[name] = StatusReader.Wording(zin);
                }
                else
                {
                    errors.Add(file.ErrorAt(status.Zinnen is null ? "/status" : "/status/zinnen", $"De zin '{name}' (bij \"status\" → \"zinnen\" in publicatie.json) heeft geen Engelse tekst. Zet hem bij \"status\" → \"zinnen\" in {FileName}, met een zin voor elke stap."));
                }
            }
            return (StatusReader.Wording(status.Own), sentences);
        }

        private Quote? Quote()
        {
            if (original.Quote is { } quote)
            {
                if (words.Citaat is { } citaat)
                {
                    return new Quote(citaat.Tekst, quote.Name, citaat.Functie, sources[quote.Source.Id]);
                }
                errors.Add(file.ErrorAt(string.Empty, $"publicatie.json heeft een citaat, maar {FileName} niet. Zet bij \"citaat\" de \"tekst\" en de \"functie\" in het Engels; de naam blijft zoals hij is."));
            }
            else if (words.Citaat is not null)
            {
                errors.Add(file.ErrorAt("/citaat", "publicatie.json heeft geen citaat. Haal \"citaat\" hier weg."));
            }
            return null;
        }

        private List<Change> Changes()
        {
            var translated = words.Wijzigingen ?? [];
            CheckCount(words.Wijzigingen is null ? string.Empty : "/wijzigingen", translated.Count, original.Changes.Count, "elke wijziging", "\"wijzigingen\" in publicatie.json");
            // The Dutch changes are shown newest first; each translation belongs to the change at its place in the file.
            return original.Changes.Select(c => c with { What = translated.ElementAtOrDefault(c.Position) ?? string.Empty }).ToList();
        }

        private List<PublicationLink> Links()
        {
            var translated = words.Links ?? [];
            CheckCount(words.Links is null ? string.Empty : "/links", translated.Count, original.Links.Count, "elke link", "\"links\" in publicatie.json");
            return original.Links.Select((l, i) => new PublicationLink(l.Kind, translated.ElementAtOrDefault(i) ?? string.Empty, l.Url, sources[l.Source.Id])).ToList();
        }

        private List<TimelineStep> Timeline()
        {
            var translated = words.Tijdlijn ?? [];
            CheckCount(words.Tijdlijn is null ? string.Empty : "/tijdlijn", translated.Count, original.Timeline.Count, "elke stap", "\"tijdlijn\" in publicatie.json");
            var steps = new List<TimelineStep>();
            for (var i = 0; i < original.Timeline.Count; i++)
            {
                var step = original.Timeline[i];
                var stap = translated.ElementAtOrDefault(i);
                var at = $"/tijdlijn/{i}";
                if (stap is not null && step.Period is not null && stap.Periode is null)
                {
                    errors.Add(file.ErrorAt(at, $"Stap {i + 1} van de tijdlijn heeft in publicatie.json een \"periode\" ('{step.Period}'). Zet hier ook \"periode\", in het Engels."));
                }
                else if (stap is not null && step.Period is null && stap.Periode is not null)
                {
                    errors.Add(file.ErrorAt(at + "/periode", $"Stap {i + 1} van de tijdlijn heeft in publicatie.json geen \"periode\" maar een datum of vergaderingen; die schrijft de site zelf in het Engels. Haal \"periode\" hier weg."));
                }
                if (stap is not null)
                {
                    CheckFigures(stap.Titel + " " + stap.Uitleg, at);
                }
                steps.Add(new TimelineStep(
                    FigureTemplate.Fill(stap?.Titel ?? string.Empty, Lookup, format),
                    FigureTemplate.Fill(stap?.Uitleg ?? string.Empty, Lookup, format),
                    step.Date,
                    step.Period is null ? null : stap?.Periode,
                    step.Meetings.Select(m => meetings[m.Id]).ToList())
                {
                    Source = step.Source is { } source ? sources[source.Id] : null,
                });
            }
            return steps;
        }

        private string? ComputedBy()
        {
            if (original.ComputedBy is not null && words.BerekendDoor is null)
            {
                errors.Add(file.ErrorAt(string.Empty, $"publicatie.json zegt bij \"berekend-door\" wie de berekende cijfers uitrekende, maar {FileName} niet. Zet \"berekend-door\" erbij, in het Engels (bijvoorbeeld \"this website\")."));
            }
            else if (original.ComputedBy is null && words.BerekendDoor is not null)
            {
                errors.Add(file.ErrorAt("/berekend-door", "publicatie.json heeft geen \"berekend-door\". Haal het hier weg."));
            }
            return words.BerekendDoor;
        }
    }
}
