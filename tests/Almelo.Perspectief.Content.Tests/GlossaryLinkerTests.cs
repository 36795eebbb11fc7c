using Almelo.Perspectief.Content.Markdown;
using Almelo.Perspectief.Content.Model;
using Markdig;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>How the glossary turns words in the text into links: the rules an editor relies on, in isolation.</summary>
public sealed class GlossaryLinkerTests
{
    private static string Link(string markdown, params Term[] glossary)
    {
        var pipeline = new MarkdownPipelineBuilder().Build();
        var document = Markdig.Markdown.Parse(markdown, pipeline);
        GlossaryLinker.Link(document, glossary, "/p");
        return document.ToHtml(pipeline).Trim();
    }

    private static Term Term(string id, string name, params string[] forms) => new(id, name, forms, "uitleg");

    private static string A(string id, string text) => $"<a href=\"/p#begrip-{id}\" class=\"begrip\">{text}</a>";

    [Fact]
    public void Link_TermUsedTwice_LinksOnlyTheFirstUseInPageOrder() =>
        Assert.Equal(
            $"<p>Eerst de {A("raad", "raad")}.</p>\n<p>Dan weer de raad.</p>",
            Link("Eerst de raad.\n\nDan weer de raad.", Term("raad", "raad")));

    [Fact]
    public void Link_LetterCase_IsIgnoredAndTheTextKeepsItsOwnCase() =>
        Assert.Equal($"<p>{A("sd", "Sociaal Domein")} en sociaal domein</p>", Link("Sociaal Domein en sociaal domein", Term("sd", "sociaal domein")));

    [Fact]
    public void Link_SeveralFormsAtOnePlace_TheLongestWins() =>
        Assert.Equal(
            $"<p>De {A("bv", "besluitvormende vergaderingen")} en besluitvormend</p>",
            Link("De besluitvormende vergaderingen en besluitvormend", Term("bv", "besluitvormende vergadering", "besluitvormend", "besluitvormende vergaderingen")));

    [Fact]
    public void Link_ShorterFormEarlierInTheText_WinsOverALongerFormLater() =>
        Assert.Equal(
            $"<p>{A("bv", "besluitvormend")} en besluitvormende vergadering</p>",
            Link("besluitvormend en besluitvormende vergadering", Term("bv", "besluitvormende vergadering", "besluitvormend")));

    [Fact]
    public void Link_PartOfALongerWordOrNumber_IsNotLinked() =>
        Assert.Equal(
            $"<p>gemeenteraadslid, 2raad, raad2, de {A("raad", "raad")}</p>",
            Link("gemeenteraadslid, 2raad, raad2, de raad", Term("raad", "raad")));

    [Fact]
    public void Link_TwoTermsStartingAtOnePlace_TheTermListedFirstWins() =>
        Assert.Equal(
            $"<p>het {A("college", "college")} van B&amp;W en het {A("college-bw", "college van B&amp;W")}</p>",
            Link("het college van B&W en het college van B&W", Term("college", "college"), Term("college-bw", "college van B&W")));

    [Fact]
    public void Link_SeveralTermsInOneSentence_LinksEachInTurn() =>
        Assert.Equal(
            $"<p>De {A("raad", "raad")} en het {A("college", "college")} en de {A("raad-2", "wethouder")}.</p>",
            Link("De raad en het college en de wethouder.", Term("college", "college"), Term("raad-2", "wethouder"), Term("raad", "raad")));

    [Fact]
    public void Link_HeadingsAndExistingLinks_AreLeftAlone() =>
        Assert.Equal(
            $"<h2>De raad</h2>\n<p><a href=\"https://example.org\">de raad</a> en <em>de {A("raad", "raad")}</em></p>",
            Link("## De raad\n\n[de raad](https://example.org) en *de raad*", Term("raad", "raad")));

    [Fact]
    public void Link_FormThatStartsWithPunctuation_AfterALinkedTermInTheSameText_IsLinked() =>
        Assert.Equal(
            $"<p>{A("a", "abc")}{A("b", "-x")} en -x</p>",
            Link("abc-x en -x", Term("a", "abc"), Term("b", "-x")));
}
