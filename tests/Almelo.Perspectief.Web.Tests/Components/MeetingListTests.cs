using Almelo.Perspectief.Web.Components.Publication;
using Bunit;

namespace Almelo.Perspectief.Web.Tests.Components;

public sealed class MeetingListTests : ComponentTest
{
    [Fact]
    public void AllPassed_MarksEachAsPastAndSaysSo()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2026, 11, 26)));

        Assert.Equal(3, cut.FindAll("li.vergadering--voorbij").Count);
        Assert.Contains("Deze vergaderingen zijn voorbij", cut.Find("p.melding").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeTheMeetings_MarksThemUpcomingWithoutTheNotice()
    {
        var cut = Render<MeetingList>(p => p
            .Add(c => c.Publication, ReferenceNota.Publication)
            .Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal(["Komt nog", "Komt nog", "Komt nog"], cut.FindAll(".vergadering__status").Select(s => s.TextContent));
        Assert.Empty(cut.FindAll("p.melding"));
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
