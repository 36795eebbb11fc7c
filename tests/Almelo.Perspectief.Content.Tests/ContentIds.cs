using FsCheck;
using FsCheck.Fluent;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// Valid content ids made of one to three of the given words joined by hyphens: built from the words of the page's own
/// ids, so that a generated id lands where a collision would be. Shared by the content and web tests (linked file).
/// </summary>
public static class ContentIds
{
    public static Gen<string> From(string[] words) =>
        from count in Gen.Choose(1, 3)
        from first in Gen.Elements(words)
        from second in Gen.Elements(words)
        from third in Gen.Elements(words)
        select string.Join('-', new[] { first, second, third }.Take(count));
}
