using System.Globalization;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using Markdig;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>
/// A placeholder in the text, <c>{prefix:name}</c>: <c>{cijfer:id}</c>, a figure from cijfers.json formatted by the
/// site, or <c>{status:naam}</c>, one of the status-driven sentences of publicatie.json. The text is rendered once,
/// when the content is loaded; a status sentence depends on the day, so it is rendered as an empty marker that
/// <see cref="StatusSentences.Fill"/> replaces with the sentence of the day.
/// </summary>
internal sealed class PlaceholderInline : LeafInline
{
    public required string Prefix { get; init; }

    public required string Name { get; init; }
}

internal sealed class PlaceholderParser : InlineParser
{
    private static readonly string[] Prefixes = [FigureTemplate.Prefix, StatusSentences.Prefix];

    public PlaceholderParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        string? prefix = null;
        foreach (var candidate in Prefixes)
        {
            if (text.Length > candidate.Length && text[1..].StartsWith(candidate, StringComparison.Ordinal))
            {
                prefix = candidate;
            }
        }
        var end = text.IndexOf('}');
        if (prefix is null || end < 0)
        {
            return false;
        }
        var start = slice.Start;
        processor.Inline = new PlaceholderInline
        {
            Prefix = prefix,
            Name = text[(prefix.Length + 1)..end].ToString(),
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + end)),
            Line = line,
            Column = column,
        };
        slice.Start += end + 1;
        return true;
    }
}

internal sealed class PlaceholderRenderer(Func<string, Figure?> lookup, TextFormat format) : HtmlObjectRenderer<PlaceholderInline>
{
    protected override void Write(HtmlRenderer renderer, PlaceholderInline obj)
    {
        if (obj.Prefix == StatusSentences.Prefix)
        {
            if (Anchors.IsId(obj.Name))
            {
                renderer.Write(StatusSentences.Marker(obj.Name));
            }
            return;
        }
        if (lookup(obj.Name) is not { } figure)
        {
            return;
        }
        renderer.Write("<data class=\"cijfer-in-tekst\" value=\"")
            .Write(Math.Round(TextFormat.Rounded(figure), 4).ToString(CultureInfo.InvariantCulture))
            .Write("\">")
            .WriteEscape(format.InText(figure))
            .Write("</data>")
            .WriteEscape(FigureTemplate.Mark(figure, format));
    }
}

/// <summary>Adds <c>{cijfer:id}</c> and <c>{status:naam}</c> to a Markdown pipeline, figures resolved against one publication's and formatted in its language.</summary>
internal sealed class PlaceholderExtension(Func<string, Figure?> lookup, TextFormat format) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Insert(0, new PlaceholderParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new PlaceholderRenderer(lookup, format));
        }
    }
}
