using System.Text;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Downloads;
using Almelo.Perspectief.Web.Tests.Components;
using CsvHelper;
using Ical.Net;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The exporters on their own, including the cases the reference content does not have.</summary>
public sealed class ExportTests
{
    private static readonly Uri Page = new("https://perspectief.almelo.nl/perspectiefnota-2026-2029");

    [Fact]
    public void Csv_LabelThatLooksLikeAFormula_IsEscapedForSpreadsheets()
    {
        var publication = ReferenceNota.Publication;
        var figure = publication.Figures[0] with { Label = "=HYPERLINK(\"https://example.org\")" };

        var text = Encoding.UTF8.GetString(FiguresCsv.Write(publication with { Figures = [figure] }, Page, _ => null));

        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions { Separator = ';', HasHeader = true });
        Assert.True(csv.Read());
        Assert.False(csv.GetString("label").StartsWith('='));
        Assert.Contains("HYPERLINK", csv.GetString("label"), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HasTheDocumentedColumnsInOrder()
    {
        var text = Encoding.UTF8.GetString(FiguresCsv.Write(ReferenceNota.Publication, Page, _ => null)).TrimStart('\uFEFF');

        Assert.StartsWith("id;label;waarde;eenheid;soort;benadering;weergave;berekening;bron;bron_datum;bron_geraadpleegd;bron_url;link\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SourceUrl_IsFilledFromTheAddressOfEachSource()
    {
        var address = new Uri("https://perspectief.almelo.nl/perspectiefnota-2026-2029/bron/persbericht");
        var text = Encoding.UTF8.GetString(FiguresCsv.Write(ReferenceNota.Publication, Page, _ => address)).TrimStart('\uFEFF');

        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ';', HasHeader = true });
        var rows = 0;
        while (csv.Read())
        {
            Assert.Equal(address.ToString(), csv.GetString("bron_url"));
            rows++;
        }
        Assert.Equal(ReferenceNota.Publication.Figures.Count, rows);
    }

    [Fact]
    public void Csv_DerivedFigure_CarriesItsBound()
    {
        var text = Encoding.UTF8.GetString(FiguresCsv.Write(ReferenceNota.Publication, Page, _ => null)).TrimStart('\uFEFF');

        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ';', HasHeader = true });
        while (csv.Read())
        {
            if (csv.GetString("id") == "banen-2018")
            {
                Assert.Equal("minder dan", csv.GetString("benadering"));
                Assert.Equal("minder dan 42.250", csv.GetString("weergave"));
                return;
            }
        }
        Assert.Fail("banen-2018 is not in the CSV");
    }

    [Fact]
    public void Calendar_MeetingWithStartEndAndPlace_IsTimedInAmsterdamWithLocation()
    {
        var publication = ReferenceNota.Publication;
        var meeting = publication.Meetings[0] with
        {
            StartTime = new TimeOnly(19, 30),
            EndTime = new TimeOnly(22, 0),
            Place = new MeetingPlace("Raadzaal", "Voorbeeldstraat 1, Almelo"),
        };

        var text = MeetingsCalendar.Write(publication, [meeting], _ => Page, "perspectief.almelo.nl");
        var calendarEvent = Assert.Single(Calendar.Load(text)!.Events);

        Assert.Contains("DTSTART;TZID=Europe/Amsterdam:20250701T193000", text, StringComparison.Ordinal);
        Assert.Equal("Europe/Amsterdam", calendarEvent.DtStart!.TzId);
        Assert.True(calendarEvent.DtStart.HasTime);
        Assert.Equal(new DateTime(2025, 7, 1, 22, 0, 0), calendarEvent.DtEnd!.Value);
        Assert.Equal("Raadzaal, Voorbeeldstraat 1, Almelo", calendarEvent.Location);
        Assert.Equal("politieke-avond-2025-07-01.perspectiefnota-2026-2029@perspectief.almelo.nl", calendarEvent.Uid);
    }

    [Fact]
    public void Calendar_MeetingWithOnlyAStartTime_HasNoInventedEnd()
    {
        var publication = ReferenceNota.Publication;
        var meeting = publication.Meetings[0] with { StartTime = new TimeOnly(19, 30) };

        var text = MeetingsCalendar.Write(publication, [meeting], _ => Page, "perspectief.almelo.nl");
        var calendarEvent = Assert.Single(Calendar.Load(text)!.Events);

        Assert.True(calendarEvent.DtStart!.HasTime);
        Assert.Null(calendarEvent.DtEnd);
        Assert.Null(calendarEvent.Duration);
        Assert.DoesNotContain("\nLOCATION", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_MeetingWithoutTimeOrPlace_IsAllDayWithoutLocation()
    {
        var publication = ReferenceNota.Publication;

        var text = MeetingsCalendar.Write(publication, [publication.Meetings[0]], _ => Page, "perspectief.almelo.nl");
        var calendarEvent = Assert.Single(Calendar.Load(text)!.Events);

        Assert.False(calendarEvent.DtStart!.HasTime);
        Assert.Equal(new DateOnly(2025, 7, 1), calendarEvent.DtStart.Date);
        Assert.Equal(new DateOnly(2025, 7, 2), calendarEvent.DtEnd!.Date);
        Assert.Null(calendarEvent.Location);
        Assert.DoesNotContain("\nLOCATION", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Calendar_MeetingWithLinksAndSpeaking_DescribesThem()
    {
        var publication = ReferenceNota.Publication;
        var meeting = publication.Meetings[0] with
        {
            Agenda = new Uri("https://raad.example.org/agenda/1"),
            Broadcast = new Uri("https://raad.example.org/live"),
            Speaking = new SpeakingInfo("Meld u een dag van tevoren aan bij de griffie.", new Uri("https://raad.example.org/inspreken")),
        };

        var calendarEvent = Assert.Single(Calendar.Load(MeetingsCalendar.Write(publication, [meeting], _ => Page, "perspectief.almelo.nl"))!.Events);

        Assert.Contains("Agenda en stukken: https://raad.example.org/agenda/1", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Live kijken: https://raad.example.org/live", calendarEvent.Description, StringComparison.Ordinal);
        Assert.Contains("Inspreken: Meld u een dag van tevoren aan bij de griffie. https://raad.example.org/inspreken", calendarEvent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Sitemap_NewestPublicationDatesTheHomePage()
    {
        var content = ReferenceNota.Content;
        var later = content.Publications[0] with { Slug = "later", Changes = [new Change(new DateOnly(2026, 3, 1), "Nieuw")] };

        var xml = Sitemap.Write(new Uri("https://perspectief.almelo.nl/"), content with { Publications = [.. content.Publications, later] }, new DateOnly(2026, 11, 26), [(RouteTable.Accessibility, new DateOnly(2026, 11, 1))]);

        Assert.Contains("<loc>https://perspectief.almelo.nl/</loc>\n    <lastmod>2026-03-01</lastmod>", xml.Replace("\r", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<loc>https://perspectief.almelo.nl/later</loc>", xml, StringComparison.Ordinal);
        Assert.Contains("<loc>https://perspectief.almelo.nl/toegankelijkheid</loc>", xml, StringComparison.Ordinal);
    }
}
