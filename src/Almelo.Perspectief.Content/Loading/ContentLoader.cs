using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// Reads a content folder (one subfolder per publication) into a validated <see cref="ContentSnapshot"/>,
/// or reports every problem it finds, each with file, line and column. Never returns a partial snapshot.
/// </summary>
public static class ContentLoader
{
    public const string PublicationFile = "publicatie.json";
    public const string FiguresFile = "cijfers.json";
    public const string MeetingsFile = "vergaderingen.json";
    public const string TextFile = "tekst.md";
    public const string GlossaryFile = "begrippen.json";

    /// <summary>The text of a publication in a language: tekst.md, tekst.en.md.</summary>
    public static string TextFileIn(SiteLanguage language) => $"tekst{language.FileSuffix}.md";

    /// <summary>The other words of a publication in a translation: vertaling.en.json (Dutch has them in its own files).</summary>
    public static string TranslationFileIn(SiteLanguage language) => $"vertaling{language.FileSuffix}.json";

    /// <summary>The site's settings in a language, at the content root: site.json, site.en.json.</summary>
    public static string SiteFileIn(SiteLanguage language) => $"site{language.FileSuffix}.json";

    /// <summary>Folder names the site uses for its own pages and files: a publication there could never be reached.</summary>
    public static readonly IReadOnlySet<string> ReservedFolders = new HashSet<string>(
        ["privacy", "toegankelijkheid", "schema", "js", "css", "lib", "sitemap", "robots", .. SiteLanguage.All.Where(l => !l.IsDutch).Select(l => l.Code), .. SiteRoutes.Operational],
        StringComparer.Ordinal);

    /// <summary>
    /// Reads and validates the content folder. Never throws (but <see cref="OperationCanceledException"/> when
    /// cancelled): whatever the content holds, the answer is a snapshot or a list of errors, each with the file relative
    /// to the folder (no server path) and one line of plain Dutch. The tree is walked first (<see cref="ContentTree"/>):
    /// a symbolic link anywhere in it, or a tree beyond the bounds, is reported before any file is read.
    /// <paramref name="clock"/> gives the time of loading.
    /// </summary>
    public static ContentLoadResult Load(string root, TimeProvider? clock = null, CancellationToken cancellationToken = default)
    {
        var errors = new List<ContentError>();
        if (!Directory.Exists(root))
        {
            errors.Add(new ContentError(".", 1, 1, "Deze inhoudsmap bestaat niet."));
            return new ContentLoadResult(null, errors);
        }

        var folder = new ContentFolder(root);
        // Dates of editing (a change, the day a web page was read) are checked against the real date: a clock set to
        // another day (a test, a preview of the page on a later date) moves what the page shows, not when it was edited.
        var today = TimeProvider.System.Today();
        var publications = new List<Publication>();
        var translations = new List<Publication>();
        SiteSettings? site = null;
        var siteTranslations = new Dictionary<string, SiteSettings>(StringComparer.Ordinal);
        try
        {
            var tree = ContentTree.Walk(folder.Root, cancellationToken);
            if (tree.Errors.Count > 0)
            {
                return new ContentLoadResult(null, tree.Errors);
            }
            var names = tree.Entries.Where(e => e.Kind == ContentEntryKind.Folder && !e.Path.Contains('/', StringComparison.Ordinal))
                .Select(e => e.Path)
                .ToList();
            if (names.Count > ContentLimits.MaxPublications)
            {
                errors.Add(new ContentError(".", 1, 1, $"Er staan {names.Count} mappen in de inhoudsmap; het mogen er hoogstens {ContentLimits.MaxPublications} zijn. Haal oude of overbodige mappen weg."));
                return new ContentLoadResult(null, errors);
            }
            site = SiteReader.Read(folder, today, errors);
            foreach (var name in names)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (FolderProblem(name) is { } problem)
                {
                    errors.Add(new ContentError(name + "/", 1, 1, problem));
                }
                else
                {
                    var (publication, editions) = LoadSafely(folder, name, today, errors);
                    if (publication is not null)
                    {
                        publications.Add(publication);
                    }
                    translations.AddRange(editions);
                }
            }
            foreach (var language in SiteLanguage.All.Where(l => !l.IsDutch))
            {
                if (SiteTranslationReader.Read(folder, language, site, translations.Any(t => t.Language == language), errors) is { } translated)
                {
                    siteTranslations[language.Code] = translated;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file that disappears or changes while it is read (an editor saving, a git checkout) is an error of this
            // read, never a crash: the next read, after the change, will see the whole file.
            errors.Add(new ContentError(".", 1, 1, $"Een bestand kon niet worden gelezen, misschien omdat het net werd veranderd ({Shown(e, folder)}). Sla het opnieuw op als dit blijft."));
        }
        if (publications.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ContentError(".", 1, 1, "Er staat geen publicatie in de inhoudsmap. Maak per publicatie een map met publicatie.json en tekst.md."));
        }

        var loadedAt = (clock ?? TimeProvider.System).GetUtcNow();
        return errors.Count == 0
            ? new ContentLoadResult(new ContentSnapshot(publications, loadedAt) { Files = folder.Files, Site = site, Translations = translations, SiteTranslations = siteTranslations }, errors)
            : new ContentLoadResult(null, errors);
    }

    private static string? FolderProblem(string name)
    {
        if (!Anchors.IsId(name))
        {
            return $"De mapnaam '{name}' kan geen webadres worden. Gebruik alleen kleine letters, cijfers en streepjes, zonder spaties (bijvoorbeeld 'perspectiefnota-2026-2029').";
        }
        return ReservedFolders.Contains(name)
            ? $"De mapnaam '{name}' gebruikt de site zelf al voor een eigen pagina (/{name}). Kies een andere naam, bijvoorbeeld met het jaar erbij."
            : null;
    }

    /// <summary>
    /// One publication and its translations; anything unforeseen while reading them becomes one error at the file read
    /// last, so that the site keeps its last good content and the editor still gets a place to look.
    /// </summary>
    private static (Publication? Publication, IReadOnlyList<Publication> Translations) LoadSafely(ContentFolder folder, string slug, DateOnly today, List<ContentError> errors)
    {
        try
        {
            var publication = new PublicationReader(folder, slug, today, errors).Read();
            var translations = SiteLanguage.All.Where(l => !l.IsDutch)
                .Select(l => new TranslationReader(folder, slug, l, errors).Read(publication))
                .OfType<Publication>()
                .ToList();
            return (publication, translations);
        }
#pragma warning disable CA1031 // Any exception here is a content problem the editor must hear of, never a crash.
        catch (Exception e) when (e is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            errors.Add(new ContentError(folder.LastFile, 1, 1, $"Dit bestand kon niet worden verwerkt ({Shown(e, folder)}). Maak de laatste wijziging ongedaan, of vereenvoudig de plek die u net veranderde."));
            return (null, []);
        }
    }

    /// <summary>An exception's message without the server's path to the content folder.</summary>
    private static string Shown(Exception e, ContentFolder folder) =>
        e.Message.Replace(folder.Root + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal).Replace(folder.Root, ".", StringComparison.Ordinal);

    internal static void ReportDuplicates(IEnumerable<string> ids, Func<int, ContentError> error, List<ContentError> errors)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id))
            {
                errors.Add(error(index));
            }
            index++;
        }
    }
}
