using System.Net;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>
/// <c>{status:naam}</c> in the text: one of the status-driven sentences of publicatie.json ("status" → "zinnen"). The
/// text is rendered once, when the content is loaded, but the sentence depends on the day: it is rendered as an empty
/// marker that <see cref="StatusSentences.Fill"/> replaces with the sentence of the day.
/// </summary>
internal sealed class StatusSentenceInline : LeafInline
{
    public required string Name { get; init; }
}

internal sealed class StatusSentenceParser : InlineParser
{
    public StatusSentenceParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        var prefix = "{" + StatusSentences.Prefix;
        if (!text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var end = text.IndexOf('}');
        if (end < 0)
        {
            return false;
        }
        var start = slice.Start;
        processor.Inline = new StatusSentenceInline
        {
            Name = text[prefix.Length..end].ToString(),
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + end)),
            Line = line,
            Column = column,
        };
        slice.Start += end + 1;
        return true;
    }
}

internal sealed class StatusSentenceRenderer : HtmlObjectRenderer<StatusSentenceInline>
{
    protected override void Write(HtmlRenderer renderer, StatusSentenceInline obj)
    {
        if (Anchors.IsId(obj.Name))
        {
            renderer.Write(StatusSentences.Marker(obj.Name));
        }
    }
}

/// <summary>Adds <c>{status:naam}</c> to a Markdown pipeline.</summary>
internal sealed class StatusSentenceExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Insert(0, new StatusSentenceParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new StatusSentenceRenderer());
        }
    }
}

/// <summary>Fills the status-driven sentences of a section's rendered text for one day.</summary>
public static partial class StatusSentences
{
    public const string Prefix = "status:";

    [GeneratedRegex("<data class=\"status-zin\" value=\"([a-z0-9-]+)\"></data>", RegexOptions.CultureInvariant)]
    private static partial Regex MarkerPattern();

    internal static string Marker(string name) => $"<data class=\"status-zin\" value=\"{name}\"></data>";

    /// <summary>The section's HTML with each <c>{status:naam}</c> replaced by the sentence of the stage on <paramref name="today"/>.</summary>
    public static string Fill(string html, Publication publication, DateOnly today) =>
        html.Contains("status-zin", StringComparison.Ordinal)
            ? MarkerPattern().Replace(html, m => WebUtility.HtmlEncode(PublicationStatus.Sentence(publication, m.Groups[1].Value, today) ?? string.Empty))
            : html;
}
