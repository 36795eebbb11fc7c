using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>The files a publication names (a source's text): read from its own folder, of a known type and size.</summary>
internal static class AttachmentReader
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".txt"] = "text/plain; charset=utf-8",
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
    };

    /// <summary>Reads a file the content names: a regular file in the publication's folder, of a known type and size.</summary>
    public static Attachment? Read(ContentFolder folder, string slug, string path, JsonDocumentSource file, string pointer, ICollection<ContentError> errors)
    {
        var directory = Path.Combine(folder.Root, slug);
        var root = directory + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(Path.Combine(directory, path));
        if (!full.StartsWith(root, StringComparison.Ordinal) || !ContentTypes.TryGetValue(Path.GetExtension(full), out var contentType))
        {
            errors.Add(file.ErrorAt(pointer, $"'{path}' kan niet: een bestand moet in de map van de publicatie staan en eindigen op .txt, .pdf, .png of .jpg."));
            return null;
        }
        var relative = Path.GetRelativePath(folder.Root, full);
        if (!folder.Exists(relative))
        {
            errors.Add(file.ErrorAt(pointer, $"Het bestand '{path}' bestaat niet in de map van de publicatie. Controleer de naam (hoofdletters tellen mee)."));
            return null;
        }
        if (folder.Read(relative, ContentLimits.MaxAttachmentBytes, out var problem) is not { } bytes)
        {
            errors.Add(file.ErrorAt(pointer, problem ?? string.Empty));
            return null;
        }
        return new Attachment(path, contentType, bytes);
    }
}
