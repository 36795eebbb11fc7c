using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Almelo.Perspectief.Web.StaticExport;

/// <summary>
/// The folder the export writes into. Every address becomes a path inside it or is refused: a name with <c>..</c>,
/// a backslash, a control character or an encoded slash never leaves the folder, and no file is written through a
/// link or over an existing file.
/// </summary>
internal sealed class ExportFolder
{
    public const string ManifestName = "export-manifest.json";

    private static readonly string[] CompressibleTypes =
    [
        "text/", "application/json", "application/xml", "application/javascript", "application/manifest+json", "image/svg+xml",
    ];

    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly string root;
    private readonly List<ExportedFile> files = [];

    public ExportFolder(string path)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
    }

    public string Root => root;

    public IReadOnlyList<ExportedFile> Files => files;

    /// <summary>The file (relative, with '/') that serves an address, or null when the address cannot be a file in the folder.</summary>
    public static string? FileFor(string address, bool html)
    {
        if (!address.StartsWith('/') || address.Contains('?', StringComparison.Ordinal) || address.Contains('#', StringComparison.Ordinal))
        {
            return null;
        }
        var segments = address[1..].Split('/');
        var names = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length == 0)
            {
                if (i == segments.Length - 1)
                {
                    continue;
                }
                return null;
            }
            var name = Uri.UnescapeDataString(segments[i]);
            if (name is "." or ".." || name.Length > 200 || name.IndexOfAny(['/', '\\', ':']) >= 0 || name.Any(char.IsControl))
            {
                return null;
            }
            names.Add(name);
        }
        if (html && (names.Count == 0 || !names[^1].EndsWith(".html", StringComparison.Ordinal)))
        {
            names.Add("index.html");
        }
        return names.Count == 0 ? null : string.Join('/', names);
    }

    /// <summary>Writes one address with its precompressed siblings; throws <see cref="UnsafeAddressException"/> for an address that would leave the folder.</summary>
    public ExportedFile Write(string address, string contentType, byte[] bytes, string? contentDisposition = null)
    {
        var html = contentType.StartsWith("text/html", StringComparison.Ordinal);
        var relative = FileFor(address, html) ?? throw new UnsafeAddressException(address);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!ContentVersion.Inside(full, root) || full == root)
        {
            throw new UnsafeAddressException(address);
        }
        CreateDirectories(Path.GetDirectoryName(full)!, address);
        WriteNew(full, bytes);

        var encodings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (CompressibleTypes.Any(t => contentType.StartsWith(t, StringComparison.Ordinal)))
        {
            foreach (var (name, compress) in new (string, Func<byte[], byte[]>)[] { ("br", Brotli), ("gz", Gzip) })
            {
                var compressed = compress(bytes);
                if (compressed.Length < bytes.Length)
                {
                    WriteNew($"{full}.{name}", compressed);
                    encodings[name] = $"{relative}.{name}";
                }
            }
        }
        var file = new ExportedFile(address, relative, contentType, contentDisposition, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), encodings.Count == 0 ? null : encodings);
        files.Add(file);
        return file;
    }

    /// <summary>The manifest: every address with its file, content type, size and SHA-256, and what the export is.</summary>
    public ExportedFile WriteManifest(Uri baseUrl, DateTimeOffset generatedAt, string contentVersion, ArchiveStamp? archive)
    {
        var manifest = new Manifest(
            baseUrl.ToString(),
            generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            contentVersion,
            archive is null ? null : new ManifestArchive(archive.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), archive.ContentVersion),
            files.OrderBy(f => f.Address, StringComparer.Ordinal).ToList());
        var path = Path.Combine(root, ManifestName);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson);
        WriteNew(path, bytes);
        return new ExportedFile("/" + ManifestName, ManifestName, "application/json; charset=utf-8", null, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), null);
    }

    /// <summary>
    /// Creates the folders one by one, refusing any that is a link (the folder was empty at the start; nothing may have
    /// put one there) or a file written earlier (<c>/a</c> before <c>/a/b</c>); the refusal names the address, not a path on disk.
    /// </summary>
    private void CreateDirectories(string directory, string address)
    {
        var relative = Path.GetRelativePath(root, directory);
        var current = root;
        foreach (var part in relative == "." ? [] : relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, part);
            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null || File.Exists(current))
            {
                throw new UnsafeAddressException(address);
            }
            info.Create();
        }
    }

    /// <summary>CreateNew: never replaces a file and never follows a link left at the path.</summary>
    private static void WriteNew(string path, byte[] bytes)
    {
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        stream.Write(bytes);
    }

    private static byte[] Brotli(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.SmallestSize))
        {
            brotli.Write(bytes);
        }
        return output.ToArray();
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.SmallestSize))
        {
            gzip.Write(bytes);
        }
        return output.ToArray();
    }

    private sealed record Manifest(string BaseUrl, string GeneratedAt, string ContentVersion, ManifestArchive? Archive, IReadOnlyList<ExportedFile> Files);

    private sealed record ManifestArchive(string Date, string ContentVersion);
}

/// <summary>One address of the export: the file that serves it, its type (and download name), size and hash, and its precompressed siblings.</summary>
internal sealed record ExportedFile(string Address, string File, string ContentType, string? ContentDisposition, long Bytes, string Sha256, IReadOnlyDictionary<string, string>? Encodings);

/// <summary>An address that cannot be written inside the export folder.</summary>
internal sealed class UnsafeAddressException(string address)
    : Exception($"Het adres '{address}' kan geen bestand in de exportmap worden; het is overgeslagen.")
{
    public string Address { get; } = address;
}
