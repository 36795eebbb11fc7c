using System.Collections;
using System.Net;
using System.Reflection;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The English edition: built from the same figures, dates, sources and ids as the Dutch publication, with the words of
/// tekst.en.md and vertaling.en.json, formatted in English; a folder without them has none.
/// </summary>
public sealed class EnglishEditionTests : IDisposable
{
    private const string Cijfers = ContentFixture.Slug + "/cijfers.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Vertaling = ContentFixture.Slug + "/vertaling.en.json";

    private readonly ContentFixture content = ContentFixture.Reference().WithEnglish();

    private ContentSnapshot Load()
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Empty(result.Errors);
        return result.Snapshot!;
    }

    private Publication English() => Load().Find(ContentFixture.Slug, SiteLanguage.English)!;

    [Fact]
    public void Edition_CompleteTranslation_HasTheSameFiguresWithEnglishLabels()
    {
        var snapshot = Load();
        var dutch = snapshot.Find(ContentFixture.Slug)!;
        var english = snapshot.Find(ContentFixture.Slug, SiteLanguage.English)!;

        Assert.Equal(SiteLanguage.English, english.Language);
        Assert.Equal([SiteLanguage.Dutch, SiteLanguage.English], snapshot.Editions(ContentFixture.Slug));
        Assert.Equal(dutch.Figures.Select(f => (f.Id, f.Value, f.Unit, f.Approximation, f.IsDerived)), english.Figures.Select(f => (f.Id, f.Value, f.Unit, f.Approximation, f.IsDerived)));
        Assert.All(english.Figures, f => Assert.Equal("EN " + dutch.FindFigure(f.Id)!.Label, f.Label));
        Assert.Equal(dutch.Sections.Select(s => (s.Id, s.ShowLaws, s.ShowMeetings, s.ShowTimeline, Figures: string.Join(",", s.Figures.Select(f => f.Id)), Charts: string.Join(",", s.Charts.Select(c => c.Id)))),
            english.Sections.Select(s => (s.Id, s.ShowLaws, s.ShowMeetings, s.ShowTimeline, Figures: string.Join(",", s.Figures.Select(f => f.Id)), Charts: string.Join(",", s.Charts.Select(c => c.Id)))));
        Assert.Equal(dutch.Meetings.Select(m => (m.Id, m.Date, m.Kind)), english.Meetings.Select(m => (m.Id, m.Date, m.Kind)));
        Assert.Equal(dutch.Timeline.Select(t => (t.Date, t.Meetings.Count)), english.Timeline.Select(t => (t.Date, t.Meetings.Count)));
        Assert.Equal(dutch.Aliases, english.Aliases);
        Assert.Equal((dutch.Date, dutch.Place, dutch.Publisher, dutch.Slug), (english.Date, english.Place, english.Publisher, english.Slug));
        Assert.Equal("EN Structurele besparing", english.FindFigure("besparing-totaal")!.Label);
        Assert.Equal("EN Sociaal domein", english.Charts[0].Parts[0].Label);
        Assert.Equal("Jeffrey Hinnen", english.Quote!.Name);
        Assert.Equal("EN wethouder Financiën", english.Quote.Role);
        Assert.Equal("EN eind 2024", english.Timeline[0].Period);
    }

    [Fact]
    public void Edition_Changes_KeepEachTranslationWithItsDutchChange_ThoughTheyAreShownNewestFirst()
    {
        var publicatie = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(content.PathOf(Publicatie)))!;
        var changes = publicatie["wijzigingen"]!.AsArray();
        changes.Add(new System.Text.Json.Nodes.JsonObject { ["datum"] = TextFormat.IsoDate(DateOnly.FromDateTime(DateTime.Today)), ["wat"] = "Nieuwste wijziging." });
        content.Write(Publicatie, publicatie.ToJsonString());
        var vertaling = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(content.PathOf(Vertaling)))!;
        vertaling["wijzigingen"]!.AsArray().Add("EN Nieuwste wijziging.");
        content.Write(Vertaling, vertaling.ToJsonString());

        var snapshot = Load();
        var dutch = snapshot.Find(ContentFixture.Slug)!;
        var english = snapshot.Find(ContentFixture.Slug, SiteLanguage.English)!;

        Assert.True(changes.Count >= 2);
        Assert.Equal("Nieuwste wijziging.", dutch.Changes[0].What);
        Assert.Equal(dutch.Changes.Select(c => (c.Date, "EN " + c.What)), english.Changes.Select(c => (c.Date, c.What)));
    }

    [Fact]
    public void Edition_ChangedValueInCijfers_ChangesBothEditions()
    {
        content.Replace(Cijfers, "\"waarde\": 30000000", "\"waarde\": 36000000");

        var snapshot = Load();

        Assert.Contains("36", snapshot.Find(ContentFixture.Slug)!.Sections[0].Html + snapshot.Find(ContentFixture.Slug)!.Summary, StringComparison.Ordinal);
        var english = snapshot.Find(ContentFixture.Slug, SiteLanguage.English)!;
        Assert.Equal(36_000_000m, english.FindFigure("besparing-totaal")!.Value.ToDecimal());
        Assert.Contains("€36\u00A0million", WebUtility.HtmlDecode(english.Sections[0].Html), StringComparison.Ordinal);
        Assert.Equal(24_000_000m, english.FindFigure("besparing-sociaal-domein")!.Value.ToDecimal());
    }

    [Fact]
    public void Edition_RenderedText_FormatsFiguresInEnglishAndMarksComputedOnes()
    {
        var english = English();

        var html = WebUtility.HtmlDecode(english.Sections[0].Html);
        Assert.Contains(">€30\u00A0million</data>", html, StringComparison.Ordinal);
        Assert.Contains(">€20\u00A0million</data> (calculated)", html, StringComparison.Ordinal);
        Assert.Contains(">more than 6,750</data>", html, StringComparison.Ordinal);
        Assert.Equal("EN Almelo moet structureel €30\u00A0million besparen, vooral in het sociaal domein. Lees waarop, wat dit voor u betekent en wanneer de gemeenteraad beslist.", english.Summary);
        Assert.Equal("EN Waar Almelo €30\u00A0million bespaart", english.Charts[0].Title);
        Assert.Equal("EN In het kort", english.Sections[0].Title);
    }

    [Fact]
    public void Edition_LinkWithinThePage_LeadsToTheEnglishPage()
    {
        Assert.Contains("href=\"/en/perspectiefnota-2026-2029#voor-u\"", English().Sections[0].Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Edition_GlossaryTerm_LinksItsEnglishForm()
    {
        content.Replace(EnglishFixture.Words, "\"term\": \"EN sociaal domein\"", "\"term\": \"social domain\"");

        var english = English();

        Assert.Contains("<a href=\"/en/perspectiefnota-2026-2029#begrip-sociaal-domein\" class=\"begrip\">social domain</a>", english.Sections[0].Html, StringComparison.Ordinal);
        Assert.Equal("social domain", english.Glossary.Single(t => t.Id == "sociaal-domein").Name);
    }

    [Fact]
    public void Edition_StatusSentence_IsFilledInEnglish()
    {
        content.Replace(EnglishFixture.Words, "\"komend\": \"EN De gemeenteraad bespreekt dit voorstel op {bespreken} en beslist erover op {beslissen}.\"", "\"komend\": \"The council discusses this on {bespreken} and decides on {beslissen}.\"");

        var status = PublicationStatus.For(English(), new DateOnly(2025, 6, 1))!;

        Assert.Equal("The council discusses this on Tuesday 1 July 2025 and decides on Tuesday 8 and Thursday 10 July 2025.", status.Text);
    }

    [Fact]
    public void Edition_SourceWithoutEnglishTitle_KeepsTheDutchTitleMarkedDutch()
    {
        content.Replace(EnglishFixture.Words, "\"nota\": {\n      \"titel\": \"EN Perspectiefnota 2026-2029 (volledige tekst)\"\n    }", "\"nota\": {\n      \"titel\": \"Perspectiefnota 2026-2029 (full text, in Dutch)\"\n    }");
        content.Replace(EnglishFixture.Words, "\"persbericht\": {\n      \"titel\": \"EN Persbericht ‘Vertrouwen in de toekomst’\"\n    },\n", string.Empty);

        var english = English();

        var press = english.Sources.Single(s => s.Id == "persbericht");
        Assert.Equal(("Persbericht ‘Vertrouwen in de toekomst’", SiteLanguage.Dutch), (press.Title, press.TitleLanguage));
        var nota = english.Sources.Single(s => s.Id == "nota");
        Assert.Equal(("Perspectiefnota 2026-2029 (full text, in Dutch)", SiteLanguage.English), (nota.Title, nota.TitleLanguage));
        Assert.Same(press, english.FindFigure("besparing-totaal")!.Source);
        Assert.Same(nota, english.Links[0].Source);
    }

    /// <summary>A Dutch record reached through the edition would put Dutch words on the English page.</summary>
    [Fact]
    public void Edition_ReachesNoRecordOfTheDutchPublication()
    {
        var snapshot = Load();
        var dutch = Reachable(snapshot.Find(ContentFixture.Slug)!);

        var english = Reachable(snapshot.Find(ContentFixture.Slug, SiteLanguage.English)!);

        // Records without words (a file's bytes, a place's address, the old ids) may be shared.
        Assert.DoesNotContain(english, o => dutch.Contains(o) && o is not (Attachment or PressContact or License or ContentLocation or MeetingPlace or Figures.FigureBound or IReadOnlyDictionary<string, string>));
    }

    [Fact]
    public void Edition_FolderWithoutTranslation_HasNoEnglishEdition()
    {
        using var dutchOnly = ContentFixture.Reference();

        var snapshot = ContentLoader.Load(dutchOnly.Root).Snapshot!;

        Assert.Empty(snapshot.Translations);
        Assert.Null(snapshot.Find(ContentFixture.Slug, SiteLanguage.English));
        Assert.Equal([SiteLanguage.Dutch], snapshot.Editions(ContentFixture.Slug));
        Assert.Null(snapshot.SiteIn(SiteLanguage.English));
    }

    [Fact]
    public void Edition_Files_AreInTheSnapshotFiles()
    {
        var files = Load().Files.Select(f => f.RelativePath).ToList();

        Assert.Contains(EnglishFixture.Text, files);
        Assert.Contains(EnglishFixture.Words, files);
        Assert.Contains(EnglishFixture.Site, files);
    }

    [Fact]
    public void SiteTranslation_Complete_HasTheEnglishWordsAndTheDutchAddresses()
    {
        var snapshot = Load();
        var dutch = snapshot.SiteIn(SiteLanguage.Dutch)!;

        var english = snapshot.SiteIn(SiteLanguage.English)!;

        Assert.Equal(dutch.Contact.Select(c => "EN " + c.Text), english.Contact.Select(c => c.Text));
        Assert.Equal(dutch.Contact.Select(c => c.Link), english.Contact.Select(c => c.Link));
        Assert.Equal(["EN almelo.nl", "raadsgriffie@almelo.nl"], english.Contact.Select(c => c.LinkText));
        Assert.Equal("EN " + dutch.Council!.Information.Title, english.Council!.Information.Title);
        Assert.Equal(dutch.Council.TakingPart.Select(l => "EN " + l.Text), english.Council.TakingPart.Select(l => l.Text));
        Assert.Equal(SiteLanguage.English, english.Council.Watch!.Source!.TitleLanguage);
    }

    [Fact]
    public void Edition_InMeetingWithSpeakingAndOutcome_TranslatesBoth()
    {
        content.Replace(Vergaderingen, "\"soort\": \"politieke-avond\",", "\"soort\": \"politieke-avond\",\n      \"inspreken\": { \"tekst\": \"Meld u aan.\" },");
        content.Replace(EnglishFixture.Words, "\"onderwerp\": \"EN De gemeenteraad bespreekt de Perspectiefnota 2026-2029\"", "\"onderwerp\": \"EN De gemeenteraad bespreekt de Perspectiefnota 2026-2029\",\n      \"inspreken\": \"Sign up.\"");

        var meeting = English().Meetings[0];

        Assert.Equal(("EN De gemeenteraad bespreekt de Perspectiefnota 2026-2029", "Sign up."), (meeting.Subject, meeting.Speaking!.Text));
    }

    [Fact]
    public void OperationalLinks_InTheEnglishText_AreWarnedOf()
    {
        content.Replace(EnglishFixture.Text, "EN text of this section.", "See [the status](/health).");

        var warning = Assert.Single(OperationalLinks.In(Load(), "perspectief.almelo.nl"));

        Assert.Equal(EnglishFixture.Text, warning.Location.File);
    }

    [Fact]
    public void StatusSentences_FillTheEnglishTextInEnglish()
    {
        content.Replace(ContentFixture.Slug + "/publicatie.json", "\"besloten-bezig\": \"De gemeenteraad heeft op {besluitdatum} besloten: {uitkomst} De raad vergadert er verder over op {komend}.\"", "\"besloten-bezig\": \"De gemeenteraad heeft op {besluitdatum} besloten: {uitkomst} De raad vergadert er verder over op {komend}.\",\n    \"zinnen\": { \"kort\": { \"komend\": \"Op {beslissen}.\", \"bezig\": \"b\", \"zonder-uitkomst\": \"c\", \"besloten\": \"d\", \"besloten-bezig\": \"e\" } }");
        content.Replace(ContentFixture.Slug + "/tekst.md", "## Hoeveel moet Almelo besparen? {#besparing}\n", "## Hoeveel moet Almelo besparen? {#besparing}\n\n{status:kort}\n");
        content.Replace(EnglishFixture.Words, "\"besloten-bezig\": \"EN De gemeenteraad", "\"zinnen\": { \"kort\": { \"komend\": \"On {beslissen}.\", \"bezig\": \"b\", \"zonder-uitkomst\": \"c\", \"besloten\": \"d\", \"besloten-bezig\": \"e\" } },\n    \"besloten-bezig\": \"EN De gemeenteraad");
        content.Replace(EnglishFixture.Text, "EN text of this section.", "{status:kort}");
        var english = English();

        var html = StatusSentences.Fill(english.Sections[1].Html, english, new DateOnly(2025, 6, 1));

        Assert.Contains("On Tuesday 8 and Thursday 10 July 2025.", html, StringComparison.Ordinal);
    }

    public void Dispose() => content.Dispose();

    /// <summary>Every record and list reachable from a publication through its public properties (empty lists, which may be one shared instance, left out).</summary>
    private static HashSet<object> Reachable(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>([root]);
        while (pending.TryPop(out var item))
        {
            var type = item.GetType();
            if (type.IsValueType && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(KeyValuePair<,>)))
            {
                continue;
            }
            if (item is string or Uri or SiteLanguage or ICollection { Count: 0 } || !type.IsValueType && !seen.Add(item))
            {
                continue;
            }
            if (item is IEnumerable items)
            {
                foreach (var child in items.OfType<object>())
                {
                    pending.Push(child);
                }
                continue;
            }
            if (type.IsValueType || type.Namespace?.StartsWith("Almelo.Perspectief.Content", StringComparison.Ordinal) == true)
            {
                foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
                {
                    if (property.GetValue(item) is { } value)
                    {
                        pending.Push(value);
                    }
                }
            }
        }
        return seen;
    }
}
