namespace Almelo.Perspectief.Content.Model;

/// <summary>All publications as one immutable, validated whole; the site serves exactly one snapshot at a time.</summary>
public sealed record ContentSnapshot(IReadOnlyList<Publication> Publications, DateTimeOffset LoadedAt)
{
    /// <summary>Publications newest first, as the home page lists them.</summary>
    public IEnumerable<Publication> NewestFirst => Publications.OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal);

    public Publication? Find(string slug) => Publications.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));
}

/// <summary>The outcome of reading a content folder: a snapshot when there is no error, and every error found.</summary>
public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Snapshot is not null;
}
