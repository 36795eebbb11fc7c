namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// One problem in the content, located so that an editor can find it:
/// <c>path:line:column: message</c>, the path relative to the content folder, the message in plain Dutch.
/// </summary>
public sealed record ContentError(string File, int Line, int Column, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
