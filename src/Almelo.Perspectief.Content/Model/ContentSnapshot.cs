namespace Almelo.Perspectief.Content.Model;

/// <summary>All publications as one immutable, validated whole; the site serves exactly one snapshot at a time.</summary>
public sealed record ContentSnapshot(IReadOnlyList<Publication> Publications, DateTimeOffset LoadedAt)
{
    /// <summary>Every file the snapshot was read from, with the bytes that were validated: what the last good copy keeps.</summary>
    public IReadOnlyList<ContentFile> Files { get; init; } = [];

    /// <summary>The site's own settings (site.json at the content root); null when the content has none.</summary>
    public SiteSettings? Site { get; init; }

    /// <summary>
    /// The translated editions (English): the same publications, figures, dates, sources and ids as
    /// <see cref="Publications"/>, with the words of the translation. A publication without a translation has none.
    /// </summary>
    public IReadOnlyList<Publication> Translations { get; init; } = [];

    /// <summary>The site's settings in each translation (site.en.json), by language code.</summary>
    public IReadOnlyDictionary<string, SiteSettings> SiteTranslations { get; init; } = new Dictionary<string, SiteSettings>();

    /// <summary>The site's settings in a language; null when the content has none in it.</summary>
    public SiteSettings? SiteIn(SiteLanguage language) =>
        language.IsDutch ? Site : SiteTranslations.GetValueOrDefault(language.Code);

    /// <summary>Publications newest first, as the home page lists them.</summary>
    public IEnumerable<Publication> NewestFirst => Publications.OrderByDescending(p => p.Date).ThenBy(p => p.Slug, StringComparer.Ordinal);

    public Publication? Find(string slug) => Publications.FirstOrDefault(p => string.Equals(p.Slug, slug, StringComparison.Ordinal));

    /// <summary>A publication in a language; null when it does not exist or has no text in that language.</summary>
    public Publication? Find(string slug, SiteLanguage language) => language.IsDutch
        ? Find(slug)
        : Translations.FirstOrDefault(p => p.Language == language && string.Equals(p.Slug, slug, StringComparison.Ordinal));

    /// <summary>The languages a publication can be read in, Dutch first; empty when there is no such publication.</summary>
    public IReadOnlyList<SiteLanguage> Editions(string slug) => SiteLanguage.All.Where(l => Find(slug, l) is not null).ToList();
}

/// <summary>The outcome of reading a content folder: a snapshot when there is no error, and every error found.</summary>
public sealed record ContentLoadResult(ContentSnapshot? Snapshot, IReadOnlyList<ContentError> Errors)
{
    public bool IsValid => Errors.Count == 0 && Snapshot is not null;
}

/// <summary>A file the loader read and validated (path relative to the content folder, with <c>/</c>), with its bytes.</summary>
public sealed record ContentFile(string RelativePath, ReadOnlyMemory<byte> Bytes);
