using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>Passed, today, upcoming and the current step: each rule on the day before, the day itself and the day after.</summary>
public sealed class TimeRulesTests
{
    private static readonly Lazy<Publication> Nota = new(() => ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!.Find(ContentFixture.Slug)!);

    [Theory]
    [InlineData(2025, 6, 30, DayState.Upcoming)]
    [InlineData(2025, 7, 1, DayState.Today)]
    [InlineData(2025, 7, 2, DayState.Passed)]
    public void Meeting_AroundItsDay_IsUpcomingTodayThenPassed(int year, int month, int day, DayState expected)
    {
        var meeting = Nota.Value.Meetings[0];

        Assert.Equal(expected, meeting.StateOn(new DateOnly(year, month, day)));
        Assert.Equal(expected == DayState.Passed, meeting.HasPassed(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AmsterdamToday_JustAfterMidnightInSummer_IsTheNextDayWhileUtcIsStillTheDayBefore()
    {
        var clock = new FixedTime(new DateTimeOffset(2025, 7, 1, 22, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2025, 7, 2), clock.Today());
    }

    [Theory]
    [InlineData(2025, 5, 27, new[] { StepState.Current, StepState.Upcoming })]
    [InlineData(2025, 5, 28, new[] { StepState.Current, StepState.Upcoming })]
    [InlineData(2025, 5, 29, new[] { StepState.Done, StepState.Current })]
    [InlineData(2025, 6, 1, new[] { StepState.Done, StepState.Current })]
    [InlineData(2025, 12, 31, new[] { StepState.Done, StepState.Current })]
    [InlineData(2026, 1, 1, new[] { StepState.Done, StepState.Done })]
    public void Timeline_DatedStepThenLaterPeriod_ThePeriodIsNotDoneWhenOnlyTheEarlierStepIs(int year, int month, int day, StepState[] expected)
    {
        TimelineStep[] steps =
        [
            new("Het college presenteert de nota", "Uitleg.", new DateOnly(2025, 5, 28), null, []),
            new("De raad kiest de maatregelen", "Uitleg.", null, "najaar 2025", []),
        ];

        Assert.Equal(expected, TimelineProgress.On(steps, new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData(2024, 11, 1, new[] { StepState.Current, StepState.Upcoming, StepState.Upcoming, StepState.Upcoming })]
    [InlineData(2025, 5, 1, new[] { StepState.Done, StepState.Current, StepState.Upcoming, StepState.Upcoming })]
    [InlineData(2025, 5, 28, new[] { StepState.Done, StepState.Current, StepState.Upcoming, StepState.Upcoming })]
    [InlineData(2025, 6, 30, new[] { StepState.Done, StepState.Done, StepState.Current, StepState.Upcoming })]
    [InlineData(2025, 7, 1, new[] { StepState.Done, StepState.Done, StepState.Current, StepState.Upcoming })]
    [InlineData(2025, 7, 2, new[] { StepState.Done, StepState.Done, StepState.Done, StepState.Current })]
    [InlineData(2025, 7, 10, new[] { StepState.Done, StepState.Done, StepState.Done, StepState.Current })]
    [InlineData(2025, 7, 11, new[] { StepState.Done, StepState.Done, StepState.Done, StepState.Done })]
    public void Timeline_OfTheNota_MovesOnDayByDay(int year, int month, int day, StepState[] expected) =>
        Assert.Equal(expected, TimelineProgress.On(Nota.Value.Timeline, new DateOnly(year, month, day)));

    [Fact]
    public void Status_BeforeEveryMeeting_SaysWhenTheCouncilDiscussesAndDecides()
    {
        var status = PublicationStatus.For(Nota.Value, new DateOnly(2025, 6, 30))!;

        Assert.Equal(DecisionStage.Upcoming, status.Stage);
        Assert.Equal("De gemeenteraad bespreekt dit voorstel op dinsdag 1 juli 2025 en beslist erover op dinsdag 8 en donderdag 10 juli 2025.", status.Text);
    }

    [Fact]
    public void Status_OnTheDayOfTheFirstMeeting_IsStillUpcoming()
    {
        var status = PublicationStatus.For(Nota.Value, new DateOnly(2025, 7, 1))!;

        Assert.Equal(DecisionStage.Upcoming, status.Stage);
        Assert.StartsWith("De gemeenteraad bespreekt dit voorstel op dinsdag 1 juli 2025", status.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_OnTheDayAfterTheFirstMeeting_IsDiscussing() =>
        Assert.Equal(DecisionStage.Discussing, PublicationStatus.For(Nota.Value, new DateOnly(2025, 7, 2))!.Stage);

    [Fact]
    public void Status_WithSomeMeetingsPassed_NamesThePassedAndTheComingOnes()
    {
        var status = PublicationStatus.For(Nota.Value, new DateOnly(2025, 7, 9))!;

        Assert.Equal(DecisionStage.Discussing, status.Stage);
        Assert.Equal("De gemeenteraad heeft dit voorstel besproken op dinsdag 1 en dinsdag 8 juli 2025. De raad vergadert er verder over op donderdag 10 juli 2025.", status.Text);
    }

    [Theory]
    [InlineData(10, DecisionStage.Discussing)]
    [InlineData(11, DecisionStage.DecidedPendingOutcome)]
    public void Status_AroundTheLastMeeting_IsPendingOnlyOnceItsDayIsOver(int day, DecisionStage expected) =>
        Assert.Equal(expected, PublicationStatus.For(Nota.Value, new DateOnly(2025, 7, day))!.Stage);

    [Fact]
    public void Status_AllPassedWithoutOutcome_SaysThePageDoesNotHaveTheDecision()
    {
        var status = PublicationStatus.For(Nota.Value, new DateOnly(2026, 11, 26))!;

        Assert.Equal(DecisionStage.DecidedPendingOutcome, status.Stage);
        Assert.StartsWith("De gemeenteraad heeft over dit voorstel vergaderd op dinsdag 1, dinsdag 8 en donderdag 10 juli 2025. Wat de raad besloot, staat nog niet op deze pagina", status.Text, StringComparison.Ordinal);
        Assert.Null(status.Decision);
    }

    [Fact]
    public void Status_AllPassedWithOutcome_SaysWhatWasDecidedAndCitesTheMeeting()
    {
        using var content = ContentFixture.WithOutcome();
        var nota = ContentLoader.Load(content.Root).Snapshot!.Find(ContentFixture.Slug)!;

        var status = PublicationStatus.For(nota, new DateOnly(2026, 11, 26))!;

        Assert.Equal(DecisionStage.Decided, status.Stage);
        Assert.Equal("De gemeenteraad heeft op donderdag 10 juli 2025 besloten: De raad stemde in met de nota (voorbeeld).", status.Text);
        Assert.Equal("besluitvorming-2025-07-10", status.Decision!.Id);
        Assert.Equal("raadsbesluit", status.Decision.Outcome!.Source.Id);
    }

    [Fact]
    public void Status_PublicationWithoutMeetings_HasNone()
    {
        var nota = Nota.Value with { Meetings = [] };

        Assert.Null(PublicationStatus.For(nota, new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public void Warning_AllPassedWithoutOutcome_PointsAtTheLastMeeting()
    {
        using var content = ContentFixture.Reference();
        var snapshot = ContentLoader.Load(content.Root).Snapshot!;

        var warning = Assert.Single(ContentWarning.For(snapshot, new DateOnly(2025, 7, 11)));

        var line = content.LineOf(ContentFixture.Slug + "/vergaderingen.json", "\"besluitvorming-2025-07-10\"") - 1;
        Assert.Equal(new ContentLocation(ContentFixture.Slug + "/vergaderingen.json", line, 5), warning.Location);
        Assert.StartsWith($"waarschuwing: {ContentFixture.Slug}/vergaderingen.json:{line}:5: Alle vergaderingen van 'Perspectiefnota 2026-2029' zijn voorbij", warning.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2025, 7, 10)]
    [InlineData(2025, 6, 1)]
    public void Warning_WhileAMeetingIsStillToComeOrToday_IsNotGiven(int year, int month, int day) =>
        Assert.Empty(ContentWarning.For(ContentLoader.Load(ContentFixture.ReferenceContent).Snapshot!, new DateOnly(year, month, day)));

    [Fact]
    public void Warning_WithAnOutcomeRecorded_IsNotGiven()
    {
        using var content = ContentFixture.WithOutcome();

        Assert.Empty(ContentWarning.For(ContentLoader.Load(content.Root).Snapshot!, new DateOnly(2026, 11, 26)));
    }

    [Theory]
    [InlineData(new[] { "2025-07-01" }, "dinsdag 1 juli 2025")]
    [InlineData(new[] { "2025-07-10", "2025-07-08" }, "dinsdag 8 en donderdag 10 juli 2025")]
    [InlineData(new[] { "2025-06-30", "2025-07-01" }, "maandag 30 juni 2025 en dinsdag 1 juli 2025")]
    [InlineData(new string[0], "")]
    public void DateList_GroupsDaysOfOneMonth(string[] dates, string expected) =>
        Assert.Equal(expected, Formatting.TextFormat.Dutch.DateList(dates.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture))));

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
