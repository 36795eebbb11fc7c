using System.Text;

namespace Almelo.Perspectief.Web.Components.Sources;

/// <summary>A block of a plain-text source: a heading or a paragraph.</summary>
internal sealed record SourceBlock(bool IsHeading, string Text);

/// <summary>
/// Reads a source kept as plain text (often copied from a PDF: a line per printed line, blank lines in between)
/// into headings and paragraphs. A line ending in two or more spaces closes a paragraph; a short line without
/// closing punctuation after a finished sentence is a heading. Lines broken after a hyphen are joined without a space.
/// </summary>
internal static class SourceText
{
    private const int MaxHeadingLength = 60;

    public static IReadOnlyList<SourceBlock> Read(string text)
    {
        var blocks = new List<SourceBlock>();
        var paragraph = new StringBuilder();

        void Close()
        {
            if (paragraph.Length > 0)
            {
                blocks.Add(new SourceBlock(false, paragraph.ToString()));
                paragraph.Clear();
            }
        }

        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var endsParagraph = raw.Length - raw.TrimEnd().Length >= 2;
            if (IsHeading(line) && (paragraph.Length == 0 || EndsSentence(paragraph)))
            {
                Close();
                blocks.Add(new SourceBlock(true, line));
                continue;
            }
            if (paragraph.Length > 0 && !paragraph.ToString().EndsWith('-'))
            {
                paragraph.Append(' ');
            }
            paragraph.Append(line);
            if (endsParagraph)
            {
                Close();
            }
        }
        Close();
        return blocks;
    }

    private static bool EndsSentence(StringBuilder paragraph) => ".!?”\"".Contains(paragraph[^1], StringComparison.Ordinal);

    private static bool IsHeading(string line) =>
        line.Length <= MaxHeadingLength && !".:;,!?\"”’".Contains(line[^1], StringComparison.Ordinal);
}
