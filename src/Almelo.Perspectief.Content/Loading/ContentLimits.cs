namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// The sizes content may have. They keep every check of a single edit within about 2 seconds and 200 MB,
/// and every page small enough for a phone; the editors' guide names them (docs/inhoud-bewerken.md).
/// </summary>
public static class ContentLimits
{
    /// <summary>A JSON file or tekst.md.</summary>
    public const int MaxTextFileBytes = 256 * 1024;

    /// <summary>A downloadable file.</summary>
    public const long MaxAttachmentBytes = 5 * 1024 * 1024;

    /// <summary>Everything one content folder holds, and so the last good copy on disk.</summary>
    public const long MaxContentBytes = 50 * 1024 * 1024;

    /// <summary>A line of tekst.md, in characters.</summary>
    public const int MaxLineLength = 10_000;

    /// <summary>Quotes (&gt;), lists, links and emphasis nested in one another in tekst.md.</summary>
    public const int MaxNesting = 16;

    /// <summary>A text in a JSON file, in characters.</summary>
    public const int MaxJsonTextLength = 5_000;

    /// <summary>Figures in one cijfers.json.</summary>
    public const int MaxFigures = 200;

    /// <summary>Terms in one begrippen.json (begrippen.schema.json enforces it, also in editors' tools).</summary>
    public const int MaxGlossaryTerms = 500;

    /// <summary>Other forms ("vormen") of one term.</summary>
    public const int MaxTermForms = 10;

    /// <summary>A term or one of its forms, in characters.</summary>
    public const int MaxTermLength = 100;

    /// <summary>Steps from a derived figure down to a stated one.</summary>
    public const int MaxDerivationDepth = 20;

    /// <summary>The largest amount or count, stated or derived (a thousand billion billion is far beyond any budget).</summary>
    public const decimal MaxFigureValue = 1_000_000_000_000_000m;

    /// <summary>The largest numerator or denominator of a share.</summary>
    public const long MaxFraction = 1_000_000_000_000;

    /// <summary>Publications in the content folder.</summary>
    public const int MaxPublications = 100;

    /// <summary>Files and folders in the whole content folder (hidden ones and editors' swap files not counted).</summary>
    public const int MaxTreeEntries = 10_000;

    /// <summary>Folders in one another below the content folder (a publication's <c>bronnen/</c> is at depth 2).</summary>
    public const int MaxTreeDepth = 8;

    /// <summary>Dates content may name: well before and after any publication, so that calendars can always be written.</summary>
    public static readonly DateOnly FirstDate = new(1900, 1, 1);

    public static readonly DateOnly LastDate = new(2199, 12, 31);
}
