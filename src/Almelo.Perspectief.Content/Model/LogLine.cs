namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// Text for one line of output that a CI runner reads (validate's errors and warnings). A GitHub runner takes a line
/// whose first non-blank characters are <c>::</c>, or any line that contains <c>##[</c>, as a workflow command; a
/// folder name or an editor's text quoted in a message must never become one.
/// </summary>
public static class LogLine
{
    /// <summary>The text on one line: line breaks and other control characters become spaces.</summary>
    public static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        }
    });

    /// <summary>The text on one line, with no <c>##[</c> in it.</summary>
    public static string Text(string text) => OneLine(text).Replace("##[", "## [", StringComparison.Ordinal);

    /// <summary>
    /// A path relative to the content folder, as the start of a line: a path that does not start with a letter, a
    /// digit or a point (a folder named <c>::stop-commands::x</c>, or <c> ::x</c>) gets <c>./</c> before it.
    /// </summary>
    public static string Path(string path)
    {
        var text = Text(path);
        return text.Length > 0 && (char.IsAsciiLetterOrDigit(text[0]) || text[0] == '.') ? text : "./" + text;
    }
}
