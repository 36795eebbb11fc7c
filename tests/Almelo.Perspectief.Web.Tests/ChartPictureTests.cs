using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Tests;
using Almelo.Perspectief.Web.Pictures;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The charts as pictures (SVG, PNG) and the share image: drawn from the figures, opened in the browser, named after the chart.</summary>
public sealed class ChartPictureTests(ReferenceSite site) : IClassFixture<ReferenceSite>
{
    private const string Nota = "/perspectiefnota-2026-2029";

    public static readonly TheoryData<string, string, string> Pictures = new()
    {
        { "verdeling-besparing", "svg", "image/svg+xml" },
        { "verdeling-besparing", "png", "image/png" },
        { "groei-banen", "svg", "image/svg+xml" },
        { "groei-banen", "png", "image/png" },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public async Task ChartPicture_EachAddress_OpensInTheBrowserNamedAfterTheChart(string chart, string extension, string type)
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri($"{Nota}/grafiek/{chart}.{extension}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal($"perspectiefnota-2026-2029-{chart}.{extension}", response.Content.Headers.ContentDisposition.FileName);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/grafiek/bestaat-niet.svg")]
    [InlineData("/grafiek/bestaat-niet.png")]
    [InlineData("/grafiek/groei-banen.gif")]
    public async Task ChartPicture_UnknownChartOrKind_IsNotFound(string path)
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri(Nota + path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task ChartSvg_HasTheTitleSourceLinePublisherAndAxisNote()
    {
        var svg = await site.Factory.CreateClient().GetStringAsync(new Uri(Nota + "/grafiek/groei-banen.svg", UriKind.Relative));

        Assert.Contains(">Banen in Almelo in 2018 en in het voorjaar van 2024</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">Gemeente Almelo</text>", svg, StringComparison.Ordinal);
        Assert.Contains("Bron: Persbericht ‘Vertrouwen in de toekomst’ (Gemeente Almelo, 28 mei 2025).", svg, StringComparison.Ordinal);
        // The bound wording of derived figures stays, and the axis says where it starts.
        Assert.Contains(">2018: minder dan 42.250</text>", svg, StringComparison.Ordinal);
        Assert.Contains("de as begint bij 35.000, niet bij 0", svg, StringComparison.Ordinal);
        Assert.Contains("url(#strepen-1f3a5f)", svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareImage_OpensInTheBrowserAt1200By630()
    {
        using var response = await site.Factory.CreateClient().GetAsync(new Uri(Nota + "/deelafbeelding.png", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal((1200, 630), Size(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task ChartPictures_ChangedFigure_ChangeTheirBytes()
    {
        using var changed = ContentFixture.Reference().Replace(ContentFixture.Slug + "/cijfers.json", "\"waarde\": 49000", "\"waarde\": 51000");
        using var factory = new PerspectiefFactory(changed.Root);
        var before = site.Factory.CreateClient();
        var after = factory.CreateClient();

        foreach (var extension in new[] { "svg", "png" })
        {
            var address = new Uri($"{Nota}/grafiek/groei-banen.{extension}", UriKind.Relative);
            Assert.NotEqual(await before.GetByteArrayAsync(address), await after.GetByteArrayAsync(address));
        }
        Assert.Contains(">Voorjaar 2024: 51.000</text>", await after.GetStringAsync(new Uri(Nota + "/grafiek/groei-banen.svg", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShareImage_ChangedTotal_ChangesThePictureAndItsDescription()
    {
        using var changed = ContentFixture.Reference().Replace(ContentFixture.Slug + "/cijfers.json", "\"waarde\": 30000000", "\"waarde\": 36000000");
        using var factory = new PerspectiefFactory(changed.Root);
        var before = site.Factory.CreateClient();
        var after = factory.CreateClient();

        var image = new Uri(Nota + "/deelafbeelding.png", UriKind.Relative);
        Assert.NotEqual(await before.GetByteArrayAsync(image), await after.GetByteArrayAsync(image));
        var oldAlt = (await before.Html(Nota)).QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content")!;
        var newAlt = (await after.Html(Nota)).QuerySelector("meta[property='og:image:alt']")!.GetAttribute("content")!;
        Assert.Contains("Waar Almelo €\u00A030\u00A0miljoen bespaart", oldAlt, StringComparison.Ordinal);
        Assert.Contains("Waar Almelo €\u00A036\u00A0miljoen bespaart", newAlt, StringComparison.Ordinal);
        Assert.Contains("Sociaal domein: €\u00A024\u00A0miljoen (66,7%)", newAlt, StringComparison.Ordinal);
    }

    [Fact]
    public void SharePicture_PublicationWithoutCharts_ShowsItsSummary()
    {
        var publication = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Publications[0] with { Charts = [] };

        var drawing = SharePicture.Draw(publication);

        Assert.Equal((1200f, 630f), (drawing.Width, drawing.Height));
        Assert.Contains(drawing.Marks.OfType<TextMark>(), t => t.Text.StartsWith("Almelo moet structureel", StringComparison.Ordinal));
        Assert.Equal($"{publication.Title}, {publication.Publisher}. {publication.Summary}", SharePicture.Alt(publication));
    }

    [Fact]
    public void SharePicture_LongTexts_StayInsideThePicture()
    {
        var publication = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Publications[0];
        var words = string.Join(' ', Enumerable.Repeat("heel-lang-woord", 400));
        publication = publication with { Title = words, Charts = [publication.Charts[0] with { Title = words }] };

        var drawing = SharePicture.Draw(publication);

        Assert.All(drawing.Marks.OfType<TextMark>(), t => Assert.InRange(t.Y, 0, 630));
        Assert.All(drawing.Marks.OfType<BoxMark>(), b => Assert.InRange(b.Y + b.Height, 0, 630));
    }

    [Fact]
    public void ChartModel_Jobs_StartTheirAxisAboveZeroAndSaySo()
    {
        var chart = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Publications[0].Charts.Single(c => c.Id == "groei-banen");

        var model = new ChartModel(chart, Almelo.Perspectief.Content.Model.SiteLanguage.Dutch);

        Assert.Equal(new ChartAxis(35_000, 50_000, 5_000), model.Axis);
        Assert.Equal("Let op: de as begint bij 35.000, niet bij 0.", model.AxisNote);
        Assert.Equal(["2018: minder dan 42.250", "Voorjaar 2024: 49.000"], model.Bars.Select(b => b.Text));
        Assert.Equal(["Banen in 2018: minder dan 42.250", "Groei tot voorjaar 2024: hightech-maakindustrie: ruim 2.700", "Groei tot voorjaar 2024: andere sectoren: ruim 4.050"], model.Legend.Select(l => l.Text));
    }

    [Fact]
    public void ChartModel_Distribution_StartsAtZeroWithoutANote()
    {
        var chart = ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Publications[0].Charts.Single(c => c.Id == "verdeling-besparing");

        var model = new ChartModel(chart, Almelo.Perspectief.Content.Model.SiteLanguage.Dutch);

        Assert.Equal(0, model.Axis.Start);
        Assert.Null(model.AxisNote);
        Assert.Equal(["Sociaal domein: €\u00A020\u00A0miljoen (66,7%)", "Andere taken: €\u00A010\u00A0miljoen (33,3%)"], model.Bars.Select(b => b.Text));
    }

    [Fact]
    public void ChartStyles_EveryColour_IsAtLeast3To1AgainstWhiteAndEachOther()
    {
        var colours = ChartStyles.All.Select(s => s.Colour).Distinct().ToList();

        Assert.True(colours.Count >= 2);
        foreach (var colour in colours)
        {
            Assert.True(Contrast(colour, "#ffffff") >= 3, $"{colour} on white: {Contrast(colour, "#ffffff"):0.00}");
            foreach (var other in colours.Where(c => c != colour))
            {
                Assert.True(Contrast(colour, other) >= 3, $"{colour} next to {other}: {Contrast(colour, other):0.00}");
            }
        }
        // A third series differs by its stripes, not by a third colour that could not be 3:1 against both.
        Assert.Equal(ChartStyles.All.Count, ChartStyles.All.Distinct().Count());
    }

    private static (int Width, int Height) Size(byte[] png)
    {
        Assert.Equal("\u0089PNG", Encoding.Latin1.GetString(png, 0, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    /// <summary>WCAG 2 contrast ratio of two sRGB colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (light, dark) = (Luminance(a), Luminance(b)) is var (x, y) && x > y ? (x, y) : (y, x);
        return (light + 0.05) / (dark + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }
}
