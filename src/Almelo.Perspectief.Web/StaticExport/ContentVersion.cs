using System.Security.Cryptography;
using System.Text;
using Almelo.Perspectief.Content.Loading;

namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>What the export needs of the content folder itself: its version, and whether a path lies inside it.</summary>
internal static class ContentVersion
{
    /// <summary>
    /// The content's version: the first 12 hex digits of a SHA-256 over every file's path and bytes, so that the same
    /// content gives the same version anywhere. The files are those <see cref="ContentTree"/> lists: hidden and editors'
    /// swap files do not count, links are never followed, and an entry that reports no size (a FIFO, a device) is
    /// never opened.
    /// </summary>
    public static string Version(string root)
    {
        var full = Path.GetFullPath(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in ContentTree.Walk(full).Entries.Where(e => e.Kind == ContentEntryKind.File))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file.Path + "\0"));
            if (file.Length > 0)
            {
                AppendFile(hash, Path.Combine(full, file.Path), file.Length);
            }
            hash.AppendData("\0"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    /// <summary>At most the length the walk saw, so that a file that keeps growing is hashed as it was listed.</summary>
    private static void AppendFile(IncrementalHash hash, string path, long length)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        var buffer = new byte[81_920];
        for (var left = length; left > 0;)
        {
            var read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0)
            {
                break;
            }
            hash.AppendData(buffer, 0, read);
            left -= read;
        }
    }

    public static bool Inside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) || string.Equals(path, folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }
}
