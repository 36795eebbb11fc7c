namespace Almelo.Perspectief.Content.Model;

/// <summary>All publications as one immutable, validated whole; the site serves exactly one snapshot at a time.</summary>
public sealed record ContentSnapshot(IReadOnlyList<Publication> Publications, DateTimeOffset LoadedAt)
{
    /// <summary>Every file the snapshot was read from, with the bytes that were validated: what the last good copy keeps.</summary>
    public IReadOnlyList<ContentFile> Files { get; init; } = [];

    /// <summary>The site's own settings (site.json at the content root); null when the content has none.</summary>
    public SiteSettings? Site { get; init; }

    /// <summary>Publications newest first, as the home page lists them.</summary>
    public IEnumerable<Publication> NewestFirst => Publications.OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal);

    public Publication? Find(string slug) => Publications.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
}

/// <summary>The outcome of reading a content folder: a snapshot when there is no error, and every error found.</summary>
public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Snapshot is not null;
}

/// <summary>A file the loader read and validated (path relative to the content folder, with <c>/</c>), with its bytes.</summary>
public sealed record ContentFile(string RelativePath, ReadOnlyMemory<byte> Bytes);
