using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Components.Publication;
using Bunit;

namespace Almelo.Perspectief.Web.Tests.Components;

public sealed class TimelineBlockTests : ComponentTest
{
    [Fact]
    public void DatedStepThenLaterPeriod_OnTheFirstOfJune_OnlyTheDatedStepIsDone()
    {
        var publication = ReferenceNota.Publication with
        {
            Timeline =
            [
                new TimelineStep("Het college presenteert de nota", "Uitleg.", new DateOnly(2025, 5, 28), null, []),
                new TimelineStep("De raad kiest", "Uitleg.", null, "najaar 2025", []),
            ],
        };

        var cut = Render<TimelineBlock>(p => p
            .Add(c => c.Publication, publication)
            .Add(c => c.Today, new DateOnly(2025, 6, 1)));

        Assert.Equal(["Gebeurd", "Nu aan de beurt"], cut.FindAll(".tijdlijn__status").Select(s => s.TextContent));
        Assert.Equal("step", cut.FindAll(".tijdlijn__stap")[1].GetAttribute("aria-current"));
        Assert.Null(cut.FindAll(".tijdlijn__stap")[0].GetAttribute("aria-current"));
    }
}
