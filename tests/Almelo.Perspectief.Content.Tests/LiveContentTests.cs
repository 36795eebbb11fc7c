using Almelo.Perspectief.Content.Loading;

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
}
