using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The content guide (<c>docs/inhoud-bewerken.md</c>) is the page: its first chapter follows the shipped content, every
/// example in it is put into a copy of the shipped content as an editor would and must load (or, when the guide calls
/// it wrong, give the error the guide shows), every "Dit staat er nu:" block is in the shipped files, and the lists it
/// gives (reserved ids, schemas, chapters) are the ones the code and the content folder have.
/// </summary>
public sealed partial class ContentGuideTests
{
    private const string PageChapter = "Hoe de pagina is opgebouwd";
    private const string DecisionChapter = "Na het raadsbesluit";
    private const string TranslationChapter = "Een vertaling in het Engels";

    /// <summary>
    /// The shipped content without its English translation: the examples of the other chapters show the Dutch files
    /// (their English counterpart is the translation chapter's subject, and a test of its own below).
    /// </summary>
    private static ContentFixture DutchOnly()
    {
        var content = ContentFixture.Live();
        foreach (var file in new[] { $"{ContentFixture.Slug}/tekst.en.md", $"{ContentFixture.Slug}/vertaling.en.json", "site.en.json" })
        {
            File.Delete(content.PathOf(file));
        }
        return content;
    }

    private static readonly Guide Text = Guide.Read(Path.Combine(ContentFixture.RepositoryRoot, "docs", "inhoud-bewerken.md"));

    public static TheoryData<string> ChaptersWithExamples =>
        [.. Text.Blocks.Where(b => b.Kind == BlockKind.Example && b.IsContent).Select(b => b.Chapter).Distinct()];

    public static TheoryData<int> WrongExamples => [.. Text.Blocks.Where(b => b.Kind == BlockKind.Wrong).Select(b => b.Line)];

    public static TheoryData<int> CurrentBlocks => [.. Text.Blocks.Where(b => b.Kind == BlockKind.Current).Select(b => b.Line)];

    [GeneratedRegex(@"^## (?<title>.+?) \{#(?<id>[a-z0-9-]+)\}\s*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();

    [GeneratedRegex(@"^\d+\. \[(?<title>[^\]]+)\]\(#(?<anchor>[^)]+)\)$")]
    private static partial Regex ContentsEntry();

    [GeneratedRegex(@"\]\(#(?<anchor>[^)]+)\)")]
    private static partial Regex InternalLink();

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex Code();

    [GeneratedRegex(@"^(?<file>[^:]+):\d+:\d+: (?<message>.*)$")]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"hoofdstuk \\""(?<title>[^\\{]+)\\""|GuideChapter = ""(?<title>[^""]+)""")]
    private static partial Regex ChapterNamedInCode();

    [GeneratedRegex(@"inhoud-bewerken\.md[^""\n]*?""(?<title>[^""]+)""")]
    private static partial Regex ChapterNamedInWorkflow();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"inhoudsgids, hoofdstuk \d")]
    private static partial Regex ChapterByNumber();

    [Fact]
    public void Contents_AtTheTop_ListsEveryChapterInOrderWithItsAnchor()
    {
        var start = Array.IndexOf(Text.Lines, "**Inhoud van deze gids**");
        var entries = Text.Lines.Skip(start + 1).SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => ContentsEntry().Match(l)).ToList();

        Assert.All(entries, e => Assert.True(e.Success, $"Geen regel van de inhoudsopgave: {e.Value}"));
        Assert.Equal(Text.Chapters, entries.Select(e => e.Groups["title"].Value));
        Assert.Equal(Text.Chapters.Select(Guide.Anchor), entries.Select(e => e.Groups["anchor"].Value));
    }

    [Fact]
    public void InternalLinks_InTheGuide_PointAtAHeading()
    {
        var anchors = Text.Headings.Select(h => Guide.Anchor(h.Title)).ToHashSet(StringComparer.Ordinal);

        var broken = InternalLink().Matches(Code().Replace(Text.Prose, string.Empty)).Select(m => m.Groups["anchor"].Value).Where(a => !anchors.Contains(a)).ToList();

        Assert.True(broken.Count == 0, "Links naar een kop die niet bestaat: " + string.Join(", ", broken));
    }

    [Fact]
    public void FirstChapter_IsHowThePageIsBuilt()
    {
        Assert.Equal(PageChapter, Text.Chapters[0]);
        Assert.Single(Text.Headings, h => h.Title == PageChapter);
    }

    [Fact]
    public void PageChapter_NamesEveryShippedSectionWithItsId_InPageOrder()
    {
        var chapter = Text.ChapterLines(PageChapter);
        var sections = SectionHeading().Matches(File.ReadAllText(Path.Combine(ContentFixture.LiveContent, ContentFixture.Slug, "tekst.md"))).ToList();
        Assert.NotEmpty(sections);

        var rows = sections.Select(s => (Heading: s.Value.Trim(), Row: Array.FindIndex(chapter, l => l.StartsWith($"| {s.Groups["title"].Value} | `{s.Groups["id"].Value}` |", StringComparison.Ordinal)))).ToList();

        Assert.All(rows, r => Assert.True(r.Row >= 0, $"Hoofdstuk '{PageChapter}' noemt '{r.Heading}' niet als rij '| kop | `id` |'."));
        Assert.Equal(rows.Select(r => r.Row).Order(), rows.Select(r => r.Row));
        var press = Array.FindLastIndex(chapter, l => l.Contains("‘Voor de pers’", StringComparison.Ordinal) && l.StartsWith('|'));
        Assert.True(press > rows[^1].Row, "‘Voor de pers’ staat op de pagina na het laatste onderdeel.");
    }

    [Fact]
    public void PageChapter_NamesEverySectiesEntryOfTheShippedContent()
    {
        var chapter = string.Join('\n', Text.ChapterLines(PageChapter));
        var secties = JsonNode.Parse(File.ReadAllText(Path.Combine(ContentFixture.LiveContent, ContentFixture.Slug, "publicatie.json")))!["secties"]!.AsObject();

        foreach (var (section, shows) in secties)
        {
            Assert.Contains($"`{section}`", chapter, StringComparison.Ordinal);
            foreach (var (field, value) in shows!.AsObject())
            {
                var named = value is JsonArray ids ? ids.Select(id => $"\"{(string)id!}\"") : [$"\"{field}\": true"];
                Assert.All(named, n => Assert.Contains(n, chapter, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CurrentBlocks))]
    public void CurrentBlock_OccursInTheShippedFile(int line)
    {
        var block = Text.Blocks.Single(b => b.Line == line);
        var files = block.Language == "markdown"
            ? [Path.Combine(ContentFixture.LiveContent, ContentFixture.Slug, "tekst.md")]
            : Directory.GetFiles(ContentFixture.LiveContent, "*.json", SearchOption.AllDirectories).Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal));

        var shown = Squash(block.Body.Trim().TrimEnd(','));

        Assert.True(files.Any(f => Squash(File.ReadAllText(f)).Contains(shown, StringComparison.Ordinal)), $"Het blok op regel {line} van de gids ('Dit staat er nu:') staat niet zo in content/.");
    }

    [Theory]
    [MemberData(nameof(ChaptersWithExamples))]
    public void Examples_OfAChapter_LoadWithoutErrorsInTheShippedContent(string chapter)
    {
        using var content = chapter == TranslationChapter ? ContentFixture.Live() : DutchOnly();
        var editor = new Editor(content);
        foreach (var block in Text.Blocks.Where(b => b.Chapter == chapter && b.Kind == BlockKind.Example && b.IsContent))
        {
            editor.Apply(block);
        }

        var result = ContentLoader.Load(content.Root);

        Assert.True(result.IsValid, $"Voorbeelden in '{chapter}':{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    [Fact]
    public void DecisionChapter_Checklist_RecordsTheDecisionInTheNotice()
    {
        using var content = DutchOnly();
        var editor = new Editor(content);
        foreach (var block in Text.Blocks.Where(b => b.Chapter == DecisionChapter && b.Kind == BlockKind.Example && b.IsContent))
        {
            editor.Apply(block);
        }

        var result = ContentLoader.Load(content.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var nota = result.Snapshot!.Find(ContentFixture.Slug)!;
        var decided = nota.Meetings.Single(m => m.Id == "besluitvorming-2025-07-10");
        Assert.Equal("raadsbesluit", decided.Outcome?.Source.Id);
        Assert.NotNull(decided.Outcome?.Source.Url);
        Assert.NotNull(decided.Outcome?.Source.Consulted);
        Assert.Equal(DecisionStage.Decided, PublicationStatus.For(nota, new DateOnly(2026, 11, 26))!.Stage);
        Assert.DoesNotContain(ContentWarning.For(result.Snapshot, new DateOnly(2026, 11, 26)), w => w.Message.Contains(DecisionChapter, StringComparison.Ordinal));
    }

    [Fact]
    public void DecisionChapter_WithATranslation_AsksForTheEnglishOutcomeAndChange_ThenShowsBoth()
    {
        using var content = ContentFixture.Live();
        var editor = new Editor(content);
        foreach (var block in Text.Blocks.Where(b => b.Chapter == DecisionChapter && b.Kind == BlockKind.Example && b.IsContent))
        {
            editor.Apply(block);
        }

        var missing = ContentLoader.Load(content.Root);

        var translation = $"{ContentFixture.Slug}/vertaling.en.json";
        Assert.Contains(missing.Errors, e => e.File == translation && e.Message.Contains("\"uitkomst\"", StringComparison.Ordinal));
        Assert.Contains(missing.Errors, e => e.File == translation && e.Message.Contains("\"wijzigingen\"", StringComparison.Ordinal));

        var english = JsonNode.Parse(File.ReadAllText(content.PathOf(translation)))!.AsObject();
        english["vergaderingen"]!["besluitvorming-2025-07-10"]!["uitkomst"] = "The council decided (example).";
        english["wijzigingen"]!.AsArray().Add("Added: the council's decision (example).");
        content.Write(translation, english.ToJsonString());

        var result = ContentLoader.Load(content.Root);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        var nota = result.Snapshot!.Find(ContentFixture.Slug, SiteLanguage.English)!;
        Assert.Equal("The council decided (example).", nota.Meetings.Single(m => m.Id == "besluitvorming-2025-07-10").Outcome?.Text);
        Assert.Equal(DecisionStage.Decided, PublicationStatus.For(nota, new DateOnly(2026, 11, 26))!.Stage);
    }

    [Fact]
    public void MeetingChapter_FullExample_FillsEveryOptionalField()
    {
        using var content = DutchOnly();
        var editor = new Editor(content);
        foreach (var block in Text.Blocks.Where(b => b.Chapter == "Een vergadering toevoegen" && b.Kind == BlockKind.Example && b.IsContent))
        {
            editor.Apply(block);
        }

        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        var full = nota.Meetings.Single(m => m.Id == "politieke-avond-2025-09-16");
        Assert.NotNull(full.StartTime);
        Assert.NotNull(full.EndTime);
        Assert.NotNull(full.Place?.Address);
        Assert.NotNull(full.Agenda);
        Assert.NotNull(full.Broadcast);
        Assert.NotNull(full.Speaking?.Link);
        Assert.Contains(nota.Links, l => l.Kind == PublicationLinkKind.Nota);
    }

    [Theory]
    [MemberData(nameof(WrongExamples))]
    public void WrongExample_GivesTheErrorTheGuideShowsUnderIt(int line)
    {
        var block = Text.Blocks.Single(b => b.Line == line);
        var shown = Text.Blocks.FirstOrDefault(b => b.Line > line && b.Language == "text");
        Assert.True(shown is not null && shown.Chapter == block.Chapter, $"Onder het foute voorbeeld op regel {line} staat geen melding.");
        var expected = ErrorLine().Match(shown.Body.Trim());
        Assert.True(expected.Success, $"De melding op regel {shown.Line} heeft niet de vorm pad:regel:kolom: melding.");
        using var content = ContentFixture.Live();

        new Editor(content).Apply(block);
        var result = ContentLoader.Load(content.Root);

        // The site writes "€ 20 miljoen" with a non-breaking space; the guide with an ordinary one.
        Assert.Contains(result.Errors, e => e.File == expected.Groups["file"].Value && Spaced(e.Message) == Spaced(expected.Groups["message"].Value));
    }

    [Fact]
    public void WarningExample_IsWhatValidateSaysAboutTheShippedContent()
    {
        var shown = Text.Blocks.Where(b => b.Language == "text" && b.Chapter == DecisionChapter).Select(b => b.Body.Trim()).First(t => t.StartsWith(ContentWarning.Prefix, StringComparison.Ordinal));

        var actual = ContentWarning.For(ContentLoader.Load(ContentFixture.LiveContent).Snapshot!, new DateOnly(2026, 11, 28));

        Assert.Contains(shown, actual.Select(w => w.ToString()));
    }

    [Fact]
    public void StatusExample_NamesEveryPlaceholderTheSiteFillsIn()
    {
        var chapter = string.Join('\n', Text.ChapterLines("Een vergadering toevoegen"));

        Assert.All(StatusWording.Placeholders, p => Assert.Contains("{" + p + "}", chapter, StringComparison.Ordinal));
    }

    [Fact]
    public void ReservedIds_InTheGuide_AreTheOnesTheSiteReserves_ListedOnce()
    {
        var reserved = Text.Lines.Select((l, i) => (l, i)).Where(x => x.l.Contains("Deze ids gebruikt de site zelf", StringComparison.Ordinal)).ToList();
        var prefixes = Text.Lines.Where(l => l.Contains("Een id mag ook niet beginnen met", StringComparison.Ordinal)).ToList();

        var (_, at) = Assert.Single(reserved);
        Assert.Equal(Anchors.Reserved.Order(StringComparer.Ordinal), Codes(Text.Lines[at + 1]));
        Assert.Equal(Anchors.GeneratedPrefixes.Order(StringComparer.Ordinal), Codes(Assert.Single(prefixes).Split(':')[0]));
    }

    [Fact]
    public void SchemaList_InTheGuide_IsTheSchemaFolder()
    {
        var line = Assert.Single(Text.Lines, l => l.StartsWith("De regels voor de bestanden staan in `content/`:", StringComparison.Ordinal));

        var named = Codes(line.Split(':', 2)[1]);

        Assert.Equal(Directory.GetFiles(ContentFixture.LiveContent, "*.schema.json").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal), named);
    }

    [Fact]
    public void ChaptersNamedInMessages_AreChaptersOfTheGuide()
    {
        var sources = Directory.GetFiles(Path.Combine(ContentFixture.RepositoryRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText).ToList();
        var workflows = Directory.GetFiles(Path.Combine(ContentFixture.RepositoryRoot, ".github", "workflows")).Select(File.ReadAllText).ToList();
        var titles = Text.Headings.Select(h => h.Title).ToHashSet(StringComparer.Ordinal);

        var named = sources.SelectMany(s => ChapterNamedInCode().Matches(s)).Concat(workflows.SelectMany(w => ChapterNamedInWorkflow().Matches(w)))
            .Select(m => m.Groups["title"].Value).Distinct().ToList();

        Assert.Contains(DecisionChapter, named);
        Assert.All(named, title => Assert.True(titles.Contains(title), $"Een melding noemt het hoofdstuk \"{title}\", maar de gids heeft geen kop met die naam."));
        Assert.DoesNotContain(sources, s => ChapterByNumber().IsMatch(s));
    }

    [Fact]
    public void Guide_DescribesOnlyWhatThePageShows()
    {
        Assert.DoesNotContain("Link naar dit cijfer", Text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("Laatst bijgewerkt", Text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("onderdeel ‘Begrippen’", Text.Prose, StringComparison.Ordinal);
        Assert.DoesNotContain("deelafbeelding\":", Text.Prose, StringComparison.Ordinal);
        Assert.Contains("Wat betekenen deze woorden?", Text.Prose, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Codes(string text) =>
        Code().Matches(text).Select(m => m.Groups["code"].Value).Order(StringComparer.Ordinal);

    private static string Spaced(string text) => WhiteSpace().Replace(text, " ");

    /// <summary>The text without any white space, so that a block compares with a file however either is wrapped or indented.</summary>
    private static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private enum BlockKind
    {
        /// <summary>An example an editor may copy: it must load.</summary>
        Example,

        /// <summary>After "Dit staat er nu:": what the shipped content holds.</summary>
        Current,

        /// <summary>After "Fout:": deliberately wrong; the block after it shows the error.</summary>
        Wrong,
    }

    /// <summary>A fenced block of the guide; <paramref name="Line"/> is the 1-based line of its opening fence.</summary>
    private sealed record Block(string Language, string Body, int Line, string Chapter, BlockKind Kind)
    {
        public bool IsContent => Language is "json" or "markdown";
    }

    private sealed record Heading(int Level, string Title);

    /// <summary>The guide read once: its chapters, headings, code blocks and the prose outside the blocks.</summary>
    private sealed record Guide(string[] Lines, IReadOnlyList<string> Chapters, IReadOnlyList<Heading> Headings, IReadOnlyList<Block> Blocks, string Prose)
    {
        public static Guide Read(string path)
        {
            var lines = File.ReadAllLines(path);
            var headings = new List<Heading>();
            var blocks = new List<Block>();
            var prose = new List<string>();
            var chapter = string.Empty;
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                var trimmed = line.TrimStart();
                if (!trimmed.StartsWith("```", StringComparison.Ordinal))
                {
                    prose.Add(line);
                    if (line.StartsWith("## ", StringComparison.Ordinal) || line.StartsWith("### ", StringComparison.Ordinal))
                    {
                        var level = line.IndexOf(' ', StringComparison.Ordinal);
                        headings.Add(new Heading(level, line[(level + 1)..].Trim()));
                        chapter = level == 2 ? line[3..].Trim() : chapter;
                    }
                    continue;
                }
                var indent = line.Length - trimmed.Length;
                var start = i;
                var body = new List<string>();
                for (i++; i < lines.Length && !lines[i].TrimStart().StartsWith("```", StringComparison.Ordinal); i++)
                {
                    body.Add(lines[i][Math.Min(indent, lines[i].Length - lines[i].TrimStart().Length)..]);
                }
                var before = lines.Take(start).LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? string.Empty;
                var kind = before.EndsWith("Dit staat er nu:", StringComparison.Ordinal) ? BlockKind.Current
                    : before.EndsWith("Fout:", StringComparison.Ordinal) ? BlockKind.Wrong
                    : BlockKind.Example;
                blocks.Add(new Block(trimmed[3..].Trim(), string.Join('\n', body), start + 1, chapter, kind));
            }
            return new Guide(lines, [.. headings.Where(h => h.Level == 2).Select(h => h.Title)], headings, blocks, string.Join('\n', prose));
        }

        /// <summary>The anchor a Markdown renderer such as GitHub's gives a heading.</summary>
        public static string Anchor(string title) =>
            string.Concat(title.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')).Replace(' ', '-');

        public string[] ChapterLines(string title)
        {
            var start = Array.IndexOf(Lines, "## " + title);
            Assert.True(start >= 0, $"De gids heeft geen hoofdstuk '{title}'.");
            var end = Array.FindIndex(Lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
            return Lines[start..(end < 0 ? Lines.Length : end)];
        }
    }

    /// <summary>
    /// Puts an example from the guide where an editor would: a fragment <c>"veld": …</c> into publicatie.json (or into its
    /// <c>secties</c>, or <c>status</c> for <c>zinnen</c>), a block <c>{ … }</c> into the list it belongs to (replacing
    /// the one with the same id), a whole file into a new publication, and Markdown as a section of tekst.md.
    /// </summary>
    private sealed class Editor(ContentFixture content)
    {
        private const string NewPublication = "nieuwe-publicatie";

        private static readonly HashSet<string> PublicationFields = [.. JsonNode.Parse(File.ReadAllText(Path.Combine(ContentFixture.LiveContent, "publicatie.schema.json")))!["properties"]!.AsObject().Select(p => p.Key)];

        private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

        private string slug = ContentFixture.Slug;

        public void Apply(Block block)
        {
            if (block.Language == "markdown")
            {
                ApplyMarkdown(block.Body);
                return;
            }
            var text = block.Body.Trim().TrimEnd(',');
            if (text.StartsWith('"'))
            {
                Edit("publicatie.json", publicatie =>
                {
                    foreach (var (key, value) in JsonNode.Parse("{" + text + "}")!.AsObject())
                    {
                        var target = PublicationFields.Contains(key) ? publicatie : key == "zinnen" ? publicatie["status"]!.AsObject() : publicatie["secties"]!.AsObject();
                        Merge(target, key, value!);
                    }
                });
            }
            else if (text.StartsWith('{') && text.Contains("\"$schema\"", StringComparison.Ordinal))
            {
                var file = JsonNode.Parse(text)!.AsObject();
                slug = NewPublication;
                var name = Path.GetFileName((string)file["$schema"]!).Replace(".schema", string.Empty, StringComparison.Ordinal);
                content.Write($"{slug}/{name}", file.ToJsonString(Indented));
            }
            else
            {
                foreach (var item in JsonNode.Parse("[" + text + "]")!.AsArray())
                {
                    Place(item!.AsObject());
                }
            }
        }

        private void Place(JsonObject item)
        {
            var kind = (string?)item["soort"];
            if (item.ContainsKey("eenheid"))
            {
                Edit("cijfers.json", f => MergeById(f["cijfers"]!.AsArray(), item));
            }
            else if (kind is "verdeling" or "staven")
            {
                Edit("cijfers.json", f => MergeById(f["grafieken"]!.AsArray(), item));
            }
            else if (kind is not null)
            {
                Edit("vergaderingen.json", f => MergeById(f["vergaderingen"]!.AsArray(), item));
            }
            else if (item.ContainsKey("term"))
            {
                Edit("begrippen.json", f => MergeById(f["begrippen"]!.AsArray(), item));
            }
            else if (item.ContainsKey("uitgever"))
            {
                Edit("publicatie.json", p => MergeById(p["bronnen"]!.AsArray(), item));
            }
            else if (item.ContainsKey("wat"))
            {
                Edit("publicatie.json", p => p["wijzigingen"]!.AsArray().Add(item.DeepClone()));
            }
            else if (item.ContainsKey("uitleg") && item.ContainsKey("titel"))
            {
                Edit("publicatie.json", p =>
                {
                    var steps = p["tijdlijn"]!.AsArray();
                    var same = steps.FirstOrDefault(s => (string?)s!["titel"] == (string?)item["titel"]);
                    steps.Insert(same is null ? steps.Count : steps.IndexOf(same), item.DeepClone());
                    steps.Remove(same);
                });
            }
            else
            {
                Assert.Fail("De test weet niet waar dit voorbeeld hoort: " + item.ToJsonString());
            }
        }

        private void ApplyMarkdown(string markdown)
        {
            var path = $"{slug}/tekst.md";
            if (slug == NewPublication)
            {
                content.Write(path, markdown);
                return;
            }
            var text = File.ReadAllText(content.PathOf(path));
            var id = Regex.Match(markdown, @"\{#(?<id>[a-z0-9-]+)\}").Groups["id"].Value;
            var start = id.Length == 0 ? -1 : text.IndexOf($"{{#{id}}}", StringComparison.Ordinal);
            if (start < 0)
            {
                content.Write(path, text.TrimEnd() + "\n\n" + markdown + "\n");
                return;
            }
            start = text.LastIndexOf("\n## ", start, StringComparison.Ordinal) + 1;
            var end = text.IndexOf("\n## ", start, StringComparison.Ordinal);
            content.Write(path, text[..start] + markdown + "\n" + (end < 0 ? string.Empty : text[end..]));
        }

        private void Edit(string file, Action<JsonObject> edit)
        {
            var path = $"{slug}/{file}";
            var json = JsonNode.Parse(File.ReadAllText(content.PathOf(path)))!.AsObject();
            edit(json);
            content.Write(path, json.ToJsonString(Indented));
        }

        private static void Merge(JsonObject target, string key, JsonNode value)
        {
            switch (target[key], value)
            {
                case (JsonObject existing, JsonObject update):
                    foreach (var (k, v) in update)
                    {
                        Merge(existing, k, v!);
                    }
                    break;
                case (JsonArray existing, JsonArray update) when update.All(u => u is JsonObject o && o.ContainsKey("id")):
                    foreach (var u in update)
                    {
                        MergeById(existing, u!.AsObject());
                    }
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }

        private static void MergeById(JsonArray list, JsonObject item)
        {
            var same = list.FirstOrDefault(i => (string?)i!["id"] == (string?)item["id"]);
            list.Insert(same is null ? list.Count : list.IndexOf(same), item.DeepClone());
            list.Remove(same);
        }
    }
}
