namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// The export's OUT folder: checked before anything is written, created only once every check has passed. Paths are
/// compared as the system resolves them, so that a link (a release link as <c>Content:Path</c>, or a link on the way
/// to OUT) cannot make the export write into the content folder.
/// </summary>
internal static class ExportTarget
{
    /// <summary>Links followed in one path before it counts as a loop, as Linux allows (ELOOP).</summary>
    private const int MaxLinks = 40;

    /// <summary>
    /// Why OUT cannot be used (not empty, a file, in the content folder, no folder can be made there); null when it
    /// can. Creates and changes nothing.
    /// </summary>
    public static string? Problem(string target, string contentPath)
    {
        try
        {
            return Check(target, contentPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"De map {target} kan niet worden gelezen: {e.Message}";
        }
    }

    /// <summary>Checks OUT once more, now that the content has passed and the site has started, and makes it; null when it is ready.</summary>
    public static string? Create(string target, string contentPath)
    {
        if (Problem(target, contentPath) is { } problem)
        {
            return problem;
        }
        try
        {
            Directory.CreateDirectory(target);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"De map {target} kan niet worden gemaakt: {e.Message}";
        }
    }

    private static string? Check(string target, string contentPath)
    {
        var realTarget = RealPath(target);
        var realContent = RealPath(contentPath);
        if (realTarget is null || realContent is null)
        {
            return $"De map {target} of de inhoudsmap {contentPath} gaat via snelkoppelingen (symbolische links) in een kring rond. Kies een andere map.";
        }
        if (ContentVersion.Inside(realTarget, realContent))
        {
            var resolved = realTarget == Path.GetFullPath(target) && realContent == Path.GetFullPath(contentPath)
                ? string.Empty
                : $": via snelkoppelingen (symbolische links) is dat {realTarget}, in {realContent}";
            return $"De exportmap {target} ligt in de inhoudsmap {contentPath}{resolved}. Kies een map daarbuiten.";
        }
        if (File.Exists(target))
        {
            return $"{target} is een bestand, geen map. Kies een lege map of een nieuwe naam.";
        }
        if (Directory.Exists(target))
        {
            return Directory.EnumerateFileSystemEntries(target).Any()
                ? $"De map {target} is niet leeg. Kies een lege map of een nieuwe naam: de export overschrijft niets."
                : null;
        }
        for (var parent = Path.GetDirectoryName(Path.GetFullPath(target)); parent is not null && !Directory.Exists(parent); parent = Path.GetDirectoryName(parent))
        {
            if (File.Exists(parent))
            {
                return $"De map {target} kan niet worden gemaakt: {parent} is een bestand.";
            }
        }
        return null;
    }

    /// <summary>
    /// The absolute path with every link on it resolved, as the system would follow it (a <c>..</c> in a link's target
    /// goes up from where the link points); the part that does not exist yet is kept as written. Null for a link loop.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full)!;
        var rest = new Stack<string>(Parts(full[root.Length..]).Reverse());
        var current = root;
        var links = 0;
        while (rest.TryPop(out var part))
        {
            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? root;
                continue;
            }
            var next = Path.Join(current, part);
            if (new FileInfo(next).LinkTarget is not { } target)
            {
                current = next;
                continue;
            }
            if (++links > MaxLinks)
            {
                return null;
            }
            foreach (var linked in Parts(target).Reverse())
            {
                rest.Push(linked);
            }
            if (Path.IsPathRooted(target))
            {
                current = Path.GetPathRoot(target)!;
            }
        }
        return current;
    }

    private static IEnumerable<string> Parts(string path) =>
        path.Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
}
