using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Tests.Components;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// Ids that content chooses (sections, sources, figures, charts, meetings, laws, glossary terms, old ids), drawn from
/// the words the page itself builds ids from: whatever ids valid content chooses, every id on the publication page is
/// unique and every reference to one (aria-labelledby, aria-describedby, aria-controls, a link to an anchor on the
/// page) finds its target. Each case is the reference content with one more of each, in a folder of its own name, so
/// that the site's output cache never answers with an earlier case's page.
/// </summary>
public sealed class PageIdPropertyTests(PageIdPropertyTests.Site site) : IClassFixture<PageIdPropertyTests.Site>
{
    private static readonly Publication Reference = ReferenceNota.Publication;

    /// <summary>Words of the page's own ids (fixed ones and the parts of made ones) and of the reference content's ids.</summary>
    private static readonly string[] Words =
    [
        "lijst", "titel", "tabel", "kop", "menu", "sectie", "inhoud", "wetten", "uitleg", "pers", "voor", "de", "status",
        "bronnen", "tijdlijn", "meldingen", "wijzigingen", "begrippen", "cijfer", "grafiek", "bron", "wet", "begrip",
        "vergadering", "besparing", "banen", "groei", "totaal", "x", "2024",
    ];

    public sealed record IdCase(
        string Section,
        string SecondSection,
        string Source,
        string Figure,
        string Chart,
        string SecondChart,
        string Meeting,
        string Law,
        string Term,
        string Alias);

    private static Gen<string> Ids() => ContentIds.From(Words);

    /// <summary>An id unlike those of the same kind in the reference content; a section's also not one the page reserves.</summary>
    private static Gen<string> New(IEnumerable<string> taken) => Ids().Where(id => !taken.Contains(id, StringComparer.Ordinal));

    private static readonly string[] SectionsTaken = [.. Reference.Sections.Select(s => s.Id), .. Reference.Aliases.Keys];

    private static Gen<string> Sections() => New(SectionsTaken).Where(id => !Anchors.IsReserved(id));

    private static Gen<IdCase> Cases() =>
        from section in Sections()
        from secondSection in Gen.OneOf(Gen.Constant(section + "-kop"), Sections()).Where(id => id != section && !Anchors.IsReserved(id))
        from source in Gen.OneOf(Gen.Constant("lijst"), New(Reference.Sources.Select(s => s.Id)))
        from figure in New(Reference.Figures.Select(f => f.Id))
        from chart in New(Reference.Charts.Select(c => c.Id))
        from secondChart in Gen.OneOf(Gen.Constant(chart + "-titel"), Gen.Constant(chart + "-tabel"), New(Reference.Charts.Select(c => c.Id)))
            .Where(id => id != chart && Reference.Charts.All(c => c.Id != id))
        from meeting in New(Reference.Meetings.Select(m => m.Id))
        from law in New(Reference.Laws.Select(l => l.Id))
        from term in New(Reference.Glossary.Select(t => t.Id))
        from alias in Ids()
        select new IdCase(section, secondSection, source, figure, chart, secondChart, meeting, law, term, "oud-" + alias);

    [Property(MaxTest = 12, QuietOnSuccess = true)]
    public Property PublicationPage_AnyValidIds_EveryIdIsUniqueAndEveryReferenceFindsItsTarget() =>
        Prop.ForAll(Cases().ToArbitrary(), ids =>
        {
            var page = site.Render(ids);
            PageIdTests.AssertIdsAreUniqueAndFound(page.Document, page.Path);
            return true;
        });

    [Fact]
    public void PublicationPage_SourceWithIdLijst_HasOneElementWithItsId()
    {
        var page = site.Render(Plain with { Source = "lijst" });

        Assert.Single(page.Document.QuerySelectorAll("[id='bron-lijst']"));
        Assert.Equal("Bronnen", page.Document.GetElementById(Anchors.Sources)!.TextContent);
        PageIdTests.AssertIdsAreUniqueAndFound(page.Document, page.Path);
    }

    [Fact]
    public void PublicationPage_ChartBesideOneNamedAfterItsTitle_IsLabelledByItsOwnTitle()
    {
        var page = site.Render(Plain with { Chart = "x", SecondChart = "x-titel" });

        foreach (var id in new[] { "x", "x-titel" })
        {
            var figure = page.Document.GetElementById(Anchors.Chart(id))!;
            var label = page.Document.GetElementById(figure.GetAttribute("aria-labelledby")!)!;
            Assert.Same(figure, label.Closest("figure"));
        }
        PageIdTests.AssertIdsAreUniqueAndFound(page.Document, page.Path);
    }

    [Fact]
    public void PublicationPage_SectionNamedAfterTheContentsList_KeepsTheListsHeadingUnique()
    {
        var page = site.Render(Plain with { Section = "sectie-menu" });

        Assert.Equal("Op deze pagina", page.Document.GetElementById(Anchors.SectionMenuHeading)!.TextContent);
        PageIdTests.AssertIdsAreUniqueAndFound(page.Document, page.Path);
    }

    [Fact]
    public void PublicationPage_EveryIdNotMadeFromContent_IsReserved()
    {
        var page = site.Render(Plain);
        var publication = site.Source.Current.Publications.Single();
        var fromContent = publication.Sections.Select(s => s.Id).Concat(publication.Aliases.Keys).ToHashSet(StringComparer.Ordinal);

        var fixedIds = page.Document.QuerySelectorAll("[id]").Select(e => e.Id!)
            .Where(id => !fromContent.Contains(id) && !id.Contains("__", StringComparison.Ordinal) && !Anchors.GeneratedPrefixes.Any(p => id.StartsWith(p, StringComparison.Ordinal)));

        Assert.All(fixedIds, id => Assert.Contains(id, Anchors.Reserved));
    }

    private static readonly IdCase Plain = new("extra", "nog-een", "extra-bron", "extra-cijfer", "extra-grafiek", "nog-een-grafiek", "extra-vergadering", "testwet", "kwispeltuin", "oud-extra");

    /// <summary>The reference content with one more of each thing that has an id, written as an editor would.</summary>
    private static void Write(ContentFixture content, IdCase ids, string slug)
    {
        var text = $"{ContentFixture.Slug}/tekst.md";
        // The text links to its own source page; in a folder of another name, that is another address.
        content.Replace(text, $"/{ContentFixture.Slug}/", $"/{slug}/");
        File.AppendAllText(content.PathOf(text), string.Join('\n',
            string.Empty,
            $"## Een extra onderdeel {{#{ids.Section}}}",
            string.Empty,
            $"Zie [het cijfer](#{Anchors.Figure(ids.Figure)}) en [de grafiek](#{Anchors.Chart(ids.Chart)}). Een kwispeltuin bestaat niet.",
            string.Empty,
            $"## Nog een onderdeel {{#{ids.SecondSection}}}",
            string.Empty,
            $"Terug naar [het vorige onderdeel](#{ids.Section}).",
            string.Empty));

        Edit(content, "publicatie.json", publicatie =>
        {
            publicatie["bronnen"]!.AsArray().Add(new JsonObject
            {
                ["id"] = ids.Source,
                ["titel"] = "Een extra bron",
                ["uitgever"] = "Gemeente Almelo",
                ["datum"] = "2025-05-28",
                ["bestand"] = "bronnen/persbericht-2025-05-28.txt",
            });
            publicatie["wetten"]!.AsArray().Add(new JsonObject { ["id"] = ids.Law, ["naam"] = "Testwet", ["uitleg"] = "Een wet die alleen in deze test bestaat." });
            publicatie["secties"]![ids.Section] = new JsonObject { ["cijfers"] = new JsonArray(ids.Figure), ["grafieken"] = new JsonArray(ids.Chart, ids.SecondChart) };
            publicatie["aliassen"]![ids.Alias] = ids.Section;
        });
        Edit(content, "cijfers.json", cijfers =>
        {
            cijfers["cijfers"]!.AsArray().Add(new JsonObject { ["id"] = ids.Figure, ["label"] = "Een extra cijfer", ["eenheid"] = "banen", ["waarde"] = 10, ["bron"] = ids.Source });
            var charts = cijfers["grafieken"]!.AsArray();
            foreach (var (chart, id) in charts.ToList().Zip([ids.Chart, ids.SecondChart]))
            {
                var copy = chart!.DeepClone();
                copy["id"] = id;
                charts.Add(copy);
            }
        });
        Edit(content, "vergaderingen.json", vergaderingen => vergaderingen["vergaderingen"]!.AsArray().Add(new JsonObject
        {
            ["id"] = ids.Meeting,
            ["datum"] = "2025-07-15",
            ["soort"] = "besluitvormend",
            ["onderwerp"] = "Een vergadering die alleen in deze test bestaat",
        }));
        Edit(content, "begrippen.json", begrippen => begrippen["begrippen"]!.AsArray().Add(new JsonObject
        {
            ["id"] = ids.Term,
            ["term"] = "kwispeltuin",
            ["uitleg"] = "Een woord dat alleen in deze test bestaat.",
        }));
    }

    private static void Edit(ContentFixture content, string file, Action<JsonNode> edit)
    {
        var path = content.PathOf($"{ContentFixture.Slug}/{file}");
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        edit(json);
        File.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>What the site serves, swapped for each case: the site itself is started once.</summary>
    public sealed class SwappableContent(ContentSnapshot snapshot) : IContentSource
    {
        public ContentSnapshot Current { get; set; } = snapshot;

        public ContentState State => new(Current, []);
    }

    public sealed record RenderedPage(IHtmlDocument Document, string Path);

    /// <summary>One site for the whole class, on a content source the tests swap; each case gets a new address.</summary>
    public sealed class Site : IDisposable
    {
        private readonly ContentFixture content = ContentFixture.Reference();
        private readonly PerspectiefFactory factory;
        private readonly WebApplicationFactory<Program> host;
        private readonly HttpClient client;
        private int cases;

        public Site()
        {
            factory = new PerspectiefFactory(content.Root);
            host = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IContentSource>(Source))));
            client = host.CreateClient();
        }

        public SwappableContent Source { get; } = new(ReferenceNota.Content);

        /// <summary>Writes the case into a folder of its own, loads it (it must be valid) and renders its publication page.</summary>
        public RenderedPage Render(IdCase ids)
        {
            using var edited = ContentFixture.Reference();
            var slug = $"geval-{Interlocked.Increment(ref cases)}";
            Write(edited, ids, slug);
            Directory.Move(edited.PathOf(ContentFixture.Slug), edited.PathOf(slug));
            var result = ContentLoader.Load(edited.Root);
            Assert.True(result.IsValid, $"{ids}: {string.Join(" | ", result.Errors)}");
            Source.Current = result.Snapshot!;
            var path = "/" + slug;
            var html = Task.Run(() => client.GetStringAsync(new Uri(path, UriKind.Relative))).GetAwaiter().GetResult();
            return new RenderedPage(new HtmlParser().ParseDocument(html), path);
        }

        public void Dispose()
        {
            client.Dispose();
            // Disposes the host made from it as well.
            factory.Dispose();
            content.Dispose();
        }
    }
}
