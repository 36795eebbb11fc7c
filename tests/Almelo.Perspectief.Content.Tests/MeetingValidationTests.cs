using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>The optional meeting fields, the status sentences and the publication's links: one broken fixture per rule.</summary>
public sealed class MeetingValidationTests : IDisposable
{
    private const string Publicatie = ContentFixture.Slug + "/publicatie.json";
    private const string Vergaderingen = ContentFixture.Slug + "/vergaderingen.json";
    private const string FirstMeeting = "\"id\": \"politieke-avond-2025-07-01\",";

    private readonly ContentFixture content = ContentFixture.Reference();

    public void Dispose() => content.Dispose();

    private ContentFixture WithFirstMeeting(string fields) => content.Replace(Vergaderingen, FirstMeeting, FirstMeeting + "\n      " + fields);

    private void AssertSingle(string file, string lineWith, string message)
    {
        var result = ContentLoader.Load(content.Root);
        Assert.Null(result.Snapshot);
        var error = Assert.Single(result.Errors);
        Assert.Equal((file, content.LineOf(file, lineWith), message), (error.File, error.Line, error.Message));
    }

    [Fact]
    public void AllFields_AreReadIntoTheMeeting()
    {
        WithFirstMeeting("""
            "begintijd": "19:30", "eindtijd": "22:00",
                  "plaats": { "naam": "Raadzaal", "adres": "Voorbeeldstraat 1, Almelo" },
                  "agenda": "https://raad.example.org/agenda", "uitzending": "https://raad.example.org/live",
                  "inspreken": { "tekst": "Meld u aan bij de griffie.", "link": "https://raad.example.org/inspreken" },
                  "uitkomst": { "tekst": "Besproken.", "bron": "persbericht" },
            """);

        var meeting = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!.Meetings[0];

        Assert.Equal((new TimeOnly(19, 30), new TimeOnly(22, 0)), (meeting.StartTime, meeting.EndTime));
        Assert.Equal(new MeetingPlace("Raadzaal", "Voorbeeldstraat 1, Almelo"), meeting.Place);
        Assert.Equal(new Uri("https://raad.example.org/agenda"), meeting.Agenda);
        Assert.Equal(new Uri("https://raad.example.org/live"), meeting.Broadcast);
        Assert.Equal(new SpeakingInfo("Meld u aan bij de griffie.", new Uri("https://raad.example.org/inspreken")), meeting.Speaking);
        Assert.Equal(("Besproken.", "persbericht"), (meeting.Outcome!.Text, meeting.Outcome.Source.Id));
    }

    [Fact]
    public void EndTime_BeforeStartTime_IsAnError()
    {
        WithFirstMeeting("\"begintijd\": \"19:30\", \"eindtijd\": \"19:00\",");

        AssertSingle(Vergaderingen, "\"eindtijd\"", "De eindtijd 19:00 ligt niet na de begintijd 19:30. Een vergadering die na middernacht doorgaat: zet dan geen eindtijd.");
    }

    [Fact]
    public void EndTime_WithoutStartTime_IsAnError()
    {
        WithFirstMeeting("\"eindtijd\": \"22:00\",");

        AssertSingle(Vergaderingen, "\"eindtijd\"", "Een eindtijd kan alleen met een begintijd. Zet ook \"begintijd\", of haal \"eindtijd\" weg.");
    }

    [Fact]
    public void StartTime_ThatDoesNotExist_IsAnError()
    {
        WithFirstMeeting("\"begintijd\": \"25:61\",");

        AssertSingle(Vergaderingen, "\"begintijd\"", "'25:61' is geen bestaande tijd. Schrijf uur:minuten, bijvoorbeeld 19:30.");
    }

    [Fact]
    public void StartTime_InTheHourSkippedInSpring_IsAnError()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-10\",", "\"datum\": \"2026-03-29\", \"begintijd\": \"02:30\",");

        AssertSingle(Vergaderingen, "\"begintijd\"", "De tijd 02:30 bestaat niet op 29 maart 2026: die nacht gaat de klok een uur vooruit (zomertijd). Kies een tijd vóór 2.00 uur of vanaf 3.00 uur.");
    }

    [Fact]
    public void EndTime_InTheHourRepeatedInAutumn_IsAnError()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-10\",", "\"datum\": \"2026-10-25\", \"begintijd\": \"01:30\",\n      \"eindtijd\": \"02:15\",");

        AssertSingle(Vergaderingen, "\"eindtijd\"", "De tijd 02:15 komt op 25 oktober 2026 twee keer voor: die nacht gaat de klok een uur terug (wintertijd). Kies een tijd vóór 2.00 uur of vanaf 3.00 uur.");
    }

    [Fact]
    public void Times_JustOutsideTheHourTheClocksChange_AreAccepted()
    {
        content.Replace(Vergaderingen, "\"datum\": \"2025-07-10\",", "\"datum\": \"2026-10-25\", \"begintijd\": \"01:59\", \"eindtijd\": \"03:00\",");

        Assert.True(ContentLoader.Load(content.Root).IsValid);
    }

    [Fact]
    public void StartTime_InAnotherForm_IsASchemaError()
    {
        WithFirstMeeting("\"begintijd\": \"19.30 uur\",");

        AssertSingle(Vergaderingen, "\"begintijd\"", "'begintijd' moet een tijd zijn in de vorm uur:minuten, bijvoorbeeld 19:30.");
    }

    [Fact]
    public void Livestream_WithoutHttps_IsAnError()
    {
        WithFirstMeeting("\"uitzending\": \"www.example.org/live\",");

        AssertSingle(Vergaderingen, "\"uitzending\"", "'uitzending' moet een webadres zijn dat begint met https://.");
    }

    [Fact]
    public void Agenda_ThatIsNoAddress_IsAnError()
    {
        WithFirstMeeting("\"agenda\": \"https://\",");

        AssertSingle(Vergaderingen, "\"agenda\"", "'https://' is geen geldig webadres. Kopieer het adres uit de adresbalk; het begint met https://.");
    }

    [Fact]
    public void Outcome_WithAnUnknownSource_IsAnError()
    {
        WithFirstMeeting("\"uitkomst\": { \"tekst\": \"Aangenomen.\", \"bron\": \"raadsbesluit\" },");

        AssertSingle(Vergaderingen, "\"uitkomst\"", "De bron 'raadsbesluit' van de uitkomst bestaat niet. Zet de bron eerst bij \"bronnen\" in publicatie.json en gebruik de id daarvan.");
    }

    [Fact]
    public void Outcome_WithoutSource_IsASchemaError()
    {
        WithFirstMeeting("\"uitkomst\": { \"tekst\": \"Aangenomen.\" },");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Vergaderingen, content.LineOf(Vergaderingen, "\"uitkomst\"")), (error.File, error.Line));
        Assert.Contains("bron", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Place_WithoutName_IsASchemaError()
    {
        WithFirstMeeting("\"plaats\": { \"adres\": \"Voorbeeldstraat 1\" },");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Vergaderingen, content.LineOf(Vergaderingen, "\"plaats\"")), (error.File, error.Line));
        Assert.Contains("naam", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_WithAnUnknownSource_IsAnError()
    {
        content.Replace(Publicatie, "\"bron\": \"nota\" }", "\"bron\": \"raadsvoorstel\" }");

        AssertSingle(Publicatie, "\"bron\": \"raadsvoorstel\"", "De bron 'raadsvoorstel' van deze link bestaat niet. Kies een id uit \"bronnen\": de bron waar dit adres in staat.");
    }

    [Fact]
    public void Link_OfAnUnknownKind_IsASchemaError()
    {
        content.Replace(Publicatie, "{ \"soort\": \"nota\",", "{ \"soort\": \"notulen\",");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Publicatie, content.LineOf(Publicatie, "\"notulen\"")), (error.File, error.Line));
    }

    [Fact]
    public void Status_MissingWhileThereAreMeetings_IsAnError()
    {
        var text = File.ReadAllText(content.PathOf(Publicatie));
        var start = text.IndexOf("  \"status\": {", StringComparison.Ordinal);
        var end = text.IndexOf("  \"links\":", StringComparison.Ordinal);
        content.Write(Publicatie, text.Remove(start, end - start));

        AssertSingle(Publicatie, "{", "Deze publicatie heeft vergaderingen, maar geen \"status\". Zet bij \"status\" de zinnen die boven de pagina laten zien hoe ver het besluit is (zie de inhoudsgids, hoofdstuk \"Een vergadering toevoegen\").");
    }

    [Fact]
    public void Status_WithAnUnknownPlaceholder_NamesTheOnesThatExist()
    {
        content.Replace(Publicatie, "besloten: {uitkomst}", "besloten: {besluit}");

        AssertSingle(Publicatie, "{besluit}", "{besluit} kan de site niet invullen. Gebruik alleen: {bespreken}, {beslissen}, {vergaderd}, {komend}, {besluitdatum}, {uitkomst}.");
    }
}
