using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads files of one content folder, and only regular files inside it: a symbolic link (also a linked folder on the
/// way), a FIFO, a device or anything that reports no size is refused, so content can never publish or copy a file
/// from elsewhere on the server, or make a read wait forever. <see cref="ContentTree"/> has refused links before any
/// read; the check here holds for a file swapped for a link in between. Keeps every file it read, for the last good copy.
/// </summary>
internal sealed class ContentFolder
{
    private readonly List<ContentFile> files = [];
    private long total;

    public ContentFolder(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public IReadOnlyList<ContentFile> Files => files;

    /// <summary>The file read last, relative to the folder: where an unforeseen problem is reported.</summary>
    public string LastFile { get; private set; } = ".";

    /// <summary>Whether anything (a file, a link, a folder) exists at this path.</summary>
    public bool Exists(string relative)
    {
        var full = Path.Combine(Root, relative);
        return File.Exists(full) || Directory.Exists(full) || new FileInfo(full).LinkTarget is not null;
    }

    /// <summary>Reads a regular file of at most <paramref name="maxBytes"/>; null with the editor's explanation otherwise.</summary>
    public byte[]? Read(string relative, long maxBytes, out string? problem)
    {
        LastFile = relative;
        var full = Path.GetFullPath(Path.Combine(Root, relative));
        var shown = relative.Replace('\\', '/');
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            problem = $"'{shown}' ligt buiten de inhoudsmap. Zet het bestand in de map van de publicatie.";
            return null;
        }
        if (LinkOnTheWay(full) is { } link)
        {
            problem = $"'{link}' is een snelkoppeling (symlink), geen gewoon bestand. Zet het bestand zelf in de map; de site leest alleen gewone bestanden.";
            return null;
        }
        var info = new FileInfo(full);
        if (!info.Exists || info.Length == 0)
        {
            problem = $"'{shown}' is leeg, of geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp). Zet er een gewoon bestand met inhoud neer.";
            return null;
        }
        if (info.Length > maxBytes || total + info.Length > ContentLimits.MaxContentBytes)
        {
            problem = TooLarge(shown, info.Length, info.Length > maxBytes ? maxBytes : ContentLimits.MaxContentBytes - total);
            return null;
        }

        // Read no more than the limit, whatever the size said: the file may grow while it is read.
        var buffer = new byte[info.Length];
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var bytes = read == buffer.Length ? buffer : buffer[..read];
        total += bytes.Length;
        files.Add(new ContentFile(shown, bytes));
        problem = null;
        return bytes;
    }

    /// <summary>The first symbolic link on the way from the content folder to the path, relative to the folder.</summary>
    private string? LinkOnTheWay(string full)
    {
        var relative = Path.GetRelativePath(Root, full);
        var path = Root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar))
        {
            path = Path.Combine(path, part);
            if (new FileInfo(path).LinkTarget is not null)
            {
                return Path.GetRelativePath(Root, path).Replace('\\', '/');
            }
        }
        return null;
    }

    internal static string TooLarge(string shown, long length, long max) =>
        $"'{shown}' is te groot ({Size(length)}). Het mag hoogstens {Size(max)} zijn. Maak het kleiner, of verdeel de inhoud.";

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{Math.Round(bytes / 1024m / 1024m, 1).ToString(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"))} MB"
        : $"{Math.Max(1, bytes / 1024)} kB";
}
