using System.Security.Cryptography;
using System.Text;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Export;

/// <summary>What the export checks of the content folder itself: links that lead outside it, and its version.</summary>
internal static class ContentFolder
{
    /// <summary>
    /// Every symbolic link in the content folder that points outside it (or nowhere). The export refuses such content:
    /// a link named like a source file must not make it read, and publish, a file from elsewhere on the machine.
    /// </summary>
    public static IReadOnlyList<ContentError> LinksOutside(string root)
    {
        var full = Path.GetFullPath(root);
        var real = RealPath(full);
        var errors = new List<ContentError>();
        Walk(new DirectoryInfo(full));
        return errors;

        void Walk(DirectoryInfo directory)
        {
            foreach (var entry in directory.EnumerateFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                if (entry.LinkTarget is not null)
                {
                    var target = entry.ResolveLinkTarget(returnFinalTarget: true);
                    if (target is null || !target.Exists || !(Inside(target.FullName, full) || Inside(target.FullName, real)))
                    {
                        errors.Add(new ContentError(
                            Path.GetRelativePath(full, entry.FullName).Replace('\\', '/'),
                            1,
                            1,
                            $"Dit is een snelkoppeling (symbolische link) naar '{entry.LinkTarget}', buiten de inhoudsmap of naar iets dat niet bestaat. Zet het bestand zelf in de map van de publicatie."));
                    }
                    continue;
                }
                if (entry is DirectoryInfo child)
                {
                    Walk(child);
                }
            }
        }
    }

    /// <summary>The content's version: the first 12 hex digits of a SHA-256 over every file's path and bytes, so that the same content gives the same version anywhere.</summary>
    public static string Version(string root)
    {
        var full = Path.GetFullPath(root);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var files = Directory.EnumerateFiles(full, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Select(f => Path.GetRelativePath(full, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(File.ReadAllBytes(Path.Combine(full, file)));
            hash.AppendData("\0"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..12];
    }

    public static bool Inside(string path, string folder)
    {
        var root = Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar;
        return path.StartsWith(root, StringComparison.Ordinal) || string.Equals(path, folder.TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal);
    }

    private static string RealPath(string path)
    {
        var info = new DirectoryInfo(path);
        return info.LinkTarget is null ? path : info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;
    }
}
