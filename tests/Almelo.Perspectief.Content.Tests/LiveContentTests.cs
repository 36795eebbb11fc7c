using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The content in <c>content/</c> as editors leave it: valid, and still carrying the ids journalists link to.
/// Facts (figures, text) are asserted on the reference content, so that a correction by an editor is no test failure.
/// </summary>
public sealed class LiveContentTests
{
    [Fact]
    public void Load_LiveContent_IsValid()
    {
        var result = ContentLoader.Load(ContentFixture.LiveContent);

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
    }

    [Theory]
    [InlineData("besparing")]
    [InlineData("sociaal-domein")]
    [InlineData("banen")]
    [InlineData("woningbouw")]
    [InlineData("vergaderingen")]
    [InlineData("persbericht")]
    public void Load_LiveContent_KeepsTheSectionIdsJournalistsLinkTo(string id)
    {
        var publication = ContentLoader.Load(ContentFixture.LiveContent).Snapshot?.Find(ContentFixture.Slug);

        // A renamed section must keep its old id as an alias (publicatie.json "aliassen").
        Assert.True(
            publication?.FindSection(id) is not null || publication?.Aliases.ContainsKey(id) == true,
            $"#{id} is gone from {ContentFixture.Slug}: keep it as an alias.");
    }

    [Fact]
    public void LiveContent_LinksOnlyToAddressesItsSourcesGive()
    {
        var publication = ContentLoader.Load(ContentFixture.LiveContent).Snapshot!.Find(ContentFixture.Slug)!;
        var given = publication.Sources.Select(s => s.Url).OfType<Uri>().ToHashSet();

        Assert.NotEmpty(publication.Links);
        Assert.All(publication.Links, l => Assert.Contains(l.Url, given));
        Assert.All(publication.Meetings, m => Assert.True(m.Agenda is null && m.Broadcast is null && m.Outcome is null && m.Place is null && m.StartTime is null, $"{m.Id}: the sources give no time, place, link or outcome."));
    }

    [Fact]
    public void LiveContent_NoLongerInvitesPeopleToThePastMeetings()
    {
        var publication = ContentLoader.Load(ContentFixture.LiveContent).Snapshot!.Find(ContentFixture.Slug)!;
        var html = string.Concat(publication.Sections.Select(s => Markdown.StatusSentences.Fill(s.Html, publication, new DateOnly(2026, 11, 28))));

        Assert.DoesNotContain("zijn van harte welkom", html, StringComparison.Ordinal);
        Assert.Contains("Hoe ver het besluit is, staat bovenaan.", html, StringComparison.Ordinal);
        Assert.Contains("dinsdag 8 en donderdag 10 juli 2025", html, StringComparison.Ordinal);
        Assert.Equal(DecisionStage.DecidedPendingOutcome, PublicationStatus.For(publication, new DateOnly(2026, 11, 28))!.Stage);
    }
}
