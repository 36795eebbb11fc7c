using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Components.Publication;
using Bunit;

namespace Almelo.Perspectief.Web.Tests.Components;

public sealed class MeetingListTests : ComponentTest
{
    [Fact]
    public void AllPassed_MarksEachAsPast_AndLeavesWhereTheDecisionStandsToTheStatus()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2026, 11, 26)));

        Assert.Equal(["Voorbij", "Voorbij", "Voorbij"], cut.FindAll("li.vergadering--voorbij .vergadering__status").Select(s => s.TextContent));
        // The status under the h1 says where the decision stands; the list does not say it a second time.
        Assert.Empty(cut.FindAll("p.melding"));
    }

    [Fact]
    public void BeforeTheMeetings_MarksThemUpcoming()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal(["Komt nog", "Komt nog", "Komt nog"], cut.FindAll(".vergadering__status").Select(s => s.TextContent));
        Assert.Empty(cut.FindAll("p.melding"));
    }

    [Fact]
    public void AllPassed_OffersNoCalendar()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2026, 11, 26)));

        Assert.Empty(cut.FindAll("a[href$='.ics']"));
        Assert.DoesNotContain("terugzien", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeTheMeetings_EachOffersItsCalendar()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal(3, cut.FindAll(".vergadering__agenda a[href$='.ics']").Count);
        Assert.Single(cut.FindAll("a[href='/perspectiefnota-2026-2029/vergaderingen.ics']"));
    }

    [Fact]
    public void UpcomingMeetingWithEverything_ShowsTimePlaceLinksAndSpeaking()
    {
        var publication = ReferenceNota.Publication;
        var meeting = publication.Meetings[0] with
        {
            StartTime = new TimeOnly(19, 30),
            EndTime = new TimeOnly(22, 0),
            Place = new MeetingPlace("Raadzaal", "Voorbeeldstraat 1, Almelo"),
            Agenda = new Uri("https://raad.example.org/agenda"),
            Broadcast = new Uri("https://raad.example.org/live"),
            Speaking = new SpeakingInfo("Meld u aan bij de griffie.", new Uri("https://raad.example.org/inspreken")),
        };

        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, publication with { Meetings = [meeting] })
            .Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal("dinsdag 1 juli 2025, 19.30 uur tot 22.00 uur", cut.Find("time").TextContent);
        Assert.Equal("2025-07-01T19:30", cut.Find("time").GetAttribute("datetime"));
        Assert.Contains("Plaats: Raadzaal, Voorbeeldstraat 1, Almelo", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Inspreken: Meld u aan bij de griffie.", cut.Markup, StringComparison.Ordinal);
        Assert.StartsWith("Live kijken", cut.Find("a[href='https://raad.example.org/live']").TextContent, StringComparison.Ordinal);
        Assert.StartsWith("Agenda en stukken", cut.Find("a[href='https://raad.example.org/agenda']").TextContent, StringComparison.Ordinal);
        Assert.Single(cut.FindAll("a[href$='.ics']"));
    }

    [Fact]
    public void OnTheDayOfAMeeting_ItIsStillUpcoming()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2025, 7, 8)));

        Assert.Equal(["Voorbij", "Vandaag", "Komt nog"], cut.FindAll(".vergadering__status").Select(s => s.TextContent));
    }
}
