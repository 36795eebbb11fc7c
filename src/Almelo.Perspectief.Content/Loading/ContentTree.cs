using System.Globalization;
using System.IO.Enumeration;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>What an entry of the content tree is, as the entry itself says: a link is never looked through.</summary>
public enum ContentEntryKind
{
    /// <summary>Not a folder and not a link: a regular file, or a FIFO, socket or device (those report length 0).</summary>
    File,

    Folder,

    /// <summary>A symbolic link, to a file or a folder: never entered, never opened.</summary>
    Link,
}

/// <summary>
/// One entry of the content tree; <paramref name="Path"/> is relative to the content folder, with '/'. Only files carry
/// a length and a time: a folder's own time changes with every swap file an editor opens in it, and what it holds is
/// listed anyway.
/// </summary>
public sealed record ContentEntry(string Path, ContentEntryKind Kind, long Length, DateTimeOffset LastWriteTimeUtc);

/// <summary>The entries of a content tree in a fixed order, and what stopped or troubled the walk (links among them).</summary>
public sealed record ContentTreeListing(IReadOnlyList<ContentEntry> Entries, IReadOnlyList<ContentError> Errors);

/// <summary>
/// The one way the content tree is read, by the loader, the site's change detection and the export alike. It never
/// follows a symbolic link (the folder the content path itself leads to is the only link it goes through: operators
/// switch a release link), counts each entry once, stops at <see cref="ContentLimits.MaxTreeEntries"/> entries or
/// <see cref="ContentLimits.MaxTreeDepth"/> folders deep with a located error, and skips what is not content:
/// hidden entries and editors' swap, backup and lock files (<see cref="IsSkipped"/>).
/// </summary>
public static class ContentTree
{
    private static readonly EnumerationOptions OneFolder = new()
    {
        RecurseSubdirectories = false,
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        ReturnSpecialDirectories = false,
    };

    /// <summary>
    /// Whether a file or folder name is not content: hidden (<c>.git</c>, <c>.DS_Store</c>, vim's <c>.tekst.md.swp</c>,
    /// emacs' <c>.#tekst.md</c>, LibreOffice's <c>.~lock.x#</c>), a backup (<c>tekst.md~</c>), a swap file kept beside
    /// the file (<c>.swp</c>, <c>.swo</c>, <c>.swx</c>), vim's write test <c>4913</c>, an emacs auto-save (<c>#tekst.md#</c>)
    /// or an Office lock file (<c>~$rapport.docx</c>). No name content may have (ids and the files' schema patterns)
    /// looks like these.
    /// </summary>
    public static bool IsSkipped(ReadOnlySpan<char> name) =>
        name.StartsWith('.')
        || name.EndsWith('~')
        || name.StartsWith("~$", StringComparison.Ordinal)
        || (name.Length > 1 && name.StartsWith('#') && name.EndsWith('#'))
        || name.EndsWith(".swp", StringComparison.Ordinal)
        || name.EndsWith(".swo", StringComparison.Ordinal)
        || name.EndsWith(".swx", StringComparison.Ordinal)
        || name.SequenceEqual("4913");

    /// <summary>
    /// Lists the tree under <paramref name="root"/>. Never throws but for cancellation: a folder that cannot be listed,
    /// a link and a bound exceeded are errors, each at its path. Over a bound the walk stops: it never runs on.
    /// </summary>
    public static ContentTreeListing Walk(string root, CancellationToken cancellationToken = default)
    {
        var full = System.IO.Path.GetFullPath(root);
        var entries = new List<ContentEntry>();
        var errors = new List<ContentError>();
        var pending = new Stack<(string Relative, int Depth)>();
        pending.Push((string.Empty, 0));
        while (pending.TryPop(out var folder))
        {
            var children = List(full, folder.Relative, ContentLimits.MaxTreeEntries - entries.Count, errors, cancellationToken);
            if (children is null)
            {
                continue;
            }
            if (children.Count > 0 && folder.Depth == ContentLimits.MaxTreeDepth)
            {
                errors.Add(new ContentError(children[0].Path, 1, 1, $"'{children[0].Path}' ligt te diep in de inhoudsmap: er mogen hoogstens {ContentLimits.MaxTreeDepth} mappen in elkaar zitten. Zet het bestand hoger in de map van de publicatie."));
                break;
            }
            if (entries.Count + children.Count > ContentLimits.MaxTreeEntries)
            {
                var where = folder.Relative.Length == 0 ? "." : folder.Relative;
                errors.Add(new ContentError(where, 1, 1, string.Create(CultureInfo.GetCultureInfo("nl-NL"), $"In de inhoudsmap staan meer dan {ContentLimits.MaxTreeEntries:N0} bestanden en mappen (geteld tot en met '{where}'). Haal weg wat niet bij de inhoud hoort.")));
                break;
            }
            entries.AddRange(children);
            foreach (var child in children)
            {
                if (child.Kind == ContentEntryKind.Link)
                {
                    errors.Add(new ContentError(child.Path, 1, 1, $"'{child.Path}' is een snelkoppeling (symlink). De site volgt geen snelkoppelingen: zet het bestand of de map zelf hier neer, of haal de snelkoppeling weg."));
                }
            }
            // Pushed last to first, so that folders are walked in name order.
            for (var i = children.Count - 1; i >= 0; i--)
            {
                if (children[i].Kind == ContentEntryKind.Folder)
                {
                    pending.Push((children[i].Path, folder.Depth + 1));
                }
            }
        }
        return new ContentTreeListing(entries, errors);
    }

    /// <summary>
    /// The entries directly in one folder, in name order: at most one more than <paramref name="budget"/>, so that a
    /// folder with millions of entries is never read to its end. Null (with an error) when it cannot be listed.
    /// </summary>
    private static List<ContentEntry>? List(string root, string relative, int budget, List<ContentError> errors, CancellationToken cancellationToken)
    {
        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        var listing = new FileSystemEnumerable<ContentEntry>(
            relative.Length == 0 ? root : System.IO.Path.Combine(root, relative),
            (ref FileSystemEntry entry) => Describe(ref entry, prefix),
            OneFolder)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !IsSkipped(entry.FileName),
        };
        var children = new List<ContentEntry>();
        try
        {
            foreach (var child in listing)
            {
                cancellationToken.ThrowIfCancellationRequested();
                children.Add(child);
                if (children.Count > budget)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var shown = relative.Length == 0 ? "." : relative;
            errors.Add(new ContentError(shown, 1, 1, e is UnauthorizedAccessException
                ? $"De site mag de map '{shown}' niet lezen. Geef de site leesrechten op de map, of haal de map weg."
                : $"De map '{shown}' kon niet worden gelezen, misschien omdat hij net werd veranderd. Sla opnieuw op als dit blijft."));
            return null;
        }
        children.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return children;
    }

    /// <summary>
    /// A link is described by its name alone. (To fill <see cref="FileSystemEntry.IsDirectory"/> the runtime itself
    /// stat()s a link's target once while listing; that never opens the target, and this walk never uses the answer.)
    /// </summary>
    private static ContentEntry Describe(ref FileSystemEntry entry, string prefix)
    {
        var path = prefix + entry.FileName.ToString();
        if ((entry.Attributes & FileAttributes.ReparsePoint) != 0)
        {
            return new ContentEntry(path, ContentEntryKind.Link, 0, default);
        }
        return entry.IsDirectory
            ? new ContentEntry(path, ContentEntryKind.Folder, 0, default)
            : new ContentEntry(path, ContentEntryKind.File, entry.Length, entry.LastWriteTimeUtc);
    }
}
