namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// One problem in the content, located so that an editor can find it:
/// <c>path:line:column: message</c>, the path relative to the content folder, the message in plain Dutch.
/// </summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    /// <summary>The path, on one line: a folder name may end in a line break.</summary>
    public string File { get; init; } = OneLine(File);

    /// <summary>The message, on one line, so that one error is one line in a log or a CI annotation, also when it quotes an editor's text.</summary>
    public string Message { get; init; } = OneLine(Message);

    private static string OneLine(string text) => string.Create(text.Length, text, (span, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        }
    });

    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
