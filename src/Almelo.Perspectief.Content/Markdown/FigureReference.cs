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

/// <summary><c>{cijfer:id}</c> in the text: a figure from cijfers.json, formatted by the site.</summary>
internal sealed class FigureReferenceInline : LeafInline
{
    public required string FigureId { get; init; }
}

internal sealed class FigureReferenceParser : InlineParser
{
    public FigureReferenceParser() => OpeningCharacters = ['{'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text.AsSpan(slice.Start, slice.Length);
        var prefix = "{" + FigureTemplate.Prefix;
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
        processor.Inline = new FigureReferenceInline
        {
            FigureId = text[prefix.Length..end].ToString(),
            Span = new Markdig.Syntax.SourceSpan(processor.GetSourcePosition(start, out var line, out var column), processor.GetSourcePosition(start + end)),
            Line = line,
            Column = column,
        };
        slice.Start += end + 1;
        return true;
    }
}

internal sealed class FigureReferenceRenderer(Func<string, Figure?> lookup) : HtmlObjectRenderer<FigureReferenceInline>
{
    protected override void Write(HtmlRenderer renderer, FigureReferenceInline obj)
    {
        if (lookup(obj.FigureId) is not { } figure)
        {
            return;
        }
        renderer.Write("<data class=\"cijfer-in-tekst\" value=\"")
            .Write(Math.Round(DutchFormat.Rounded(figure), 4).ToString(CultureInfo.InvariantCulture))
            .Write("\">")
            .WriteEscape(DutchFormat.InText(figure))
            .Write("</data>")
            .WriteEscape(FigureTemplate.Mark(figure));
    }
}

/// <summary>Adds <c>{cijfer:id}</c> to a Markdown pipeline, resolved against one publication's figures.</summary>
internal sealed class FigureReferenceExtension(Func<string, Figure?> lookup) : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Insert(0, new FigureReferenceParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html)
        {
            html.ObjectRenderers.Insert(0, new FigureReferenceRenderer(lookup));
        }
    }
}
