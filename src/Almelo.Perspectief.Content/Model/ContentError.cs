namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// One problem in the content, located so that an editor can find it:
/// <c>path:line:column: message</c>, the path relative to the content folder, the message in plain Dutch.
/// </summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    /// <summary>The path, on one line: a folder name may end in a line break.</summary>
    public string File { get; init; } = LogLine.OneLine(File);

    /// <summary>The message, on one line, so that one error is one line in a log or a CI annotation, also when it quotes an editor's text.</summary>
    public string Message { get; init; } = LogLine.OneLine(Message);

    /// <summary>The error as one line of output, safe for a CI runner to show (see <see cref="LogLine"/>).</summary>
    public override string ToString() => $"{LogLine.Path(File)}:{Line}:{Column}: {LogLine.Text(Message)}";
}
