namespace Almelo.Perspectief.Content.Model;

/// <summary>A validated publication: one folder in the content root, its folder name being its URL slug.</summary>
public sealed record Publication(
    string Slug,
    string Title,
    string Summary,
    DateOnly Date,
    string Place,
    string Publisher,
    IReadOnlyList<Source> Sources,
    IReadOnlyList<Section> Sections,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Chart> Charts,
    IReadOnlyList<Meeting> Meetings,
    Quote? Quote,
    IReadOnlyList<Law> Laws,
    PressContact? Press,
    IReadOnlyList<Change> Changes,
    IReadOnlyDictionary<string, string> Aliases,
    IReadOnlyList<Term> Glossary,
    IReadOnlyList<TimelineStep> Timeline)
{
    /// <summary>The language of this edition: Dutch, or a translation built from the same figures, dates, sources and ids.</summary>
    public SiteLanguage Language { get; init; } = SiteLanguage.Dutch;

    public Figure? FindFigure(string id) => Figures.FirstOrDefault(f => f.Id == id);

    public Section? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);

    /// <summary>The date of the last declared change, so that a corrected figure is never silent.</summary>
    public DateOnly LastUpdated => Changes.Count == 0 ? Date : Changes.Max(c => c.Date);

    /// <summary>The files this publication offers for download: copies of sources.</summary>
    public IEnumerable<Attachment> Files => Sources.Select(s => s.File).OfType<Attachment>();

    /// <summary>Links to the council's own documents (raadsvoorstel, besluit, the full nota), each with the source that gives the address.</summary>
    public IReadOnlyList<PublicationLink> Links { get; init; } = [];

    /// <summary>The licence under which the gemeente offers the figures for reuse; null unless content declares one (it is the gemeente's choice, never assumed).</summary>
    public License? License { get; init; }

    /// <summary>Who computed the derived figures ("deze website"), as the table of figures names it; set whenever there are any.</summary>
    public string? ComputedBy { get; init; }

    /// <summary>The editors' sentences for each stage of the decision; null when the publication has no meetings.</summary>
    public StatusWording? StatusWording { get; init; }

    /// <summary>Sentences of the text that follow the status ("status" → "zinnen", written as <c>{status:naam}</c> in tekst.md), by name.</summary>
    public IReadOnlyDictionary<string, StatusWording> StatusSentences { get; init; } = new Dictionary<string, StatusWording>();

    /// <summary>
    /// The day the page last changed on <paramref name="today"/>: the last declared change, or the day the status last
    /// changed when that is later (a meeting that is over changes the notice and the sentences that follow it).
    /// </summary>
    public DateOnly ModifiedOn(DateOnly today) =>
        PublicationStatus.For(this, today)?.Since is { } since && since > LastUpdated ? since : LastUpdated;

    public Attachment? FindFile(string path) => Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    /// <summary>Old ids that still lead to this anchor (a section id, or cijfer-…, grafiek-…).</summary>
    public IEnumerable<string> AliasesOf(string anchor) => Aliases.Where(a => a.Value == anchor).Select(a => a.Key).Order(StringComparer.Ordinal);
}

/// <summary>
/// A document that figures and quotes refer to; <see cref="File"/> is a copy the site offers for download.
/// <see cref="Date"/> is null for a web page that shows no date of its own; <see cref="Consulted"/> is the day a web page was read.
/// </summary>
public sealed record Source(string Id, string Title, string Publisher, DateOnly? Date, string? Place, Uri? Url, Attachment? File)
{
    public DateOnly? Consulted { get; init; }

    /// <summary>The language of <see cref="Title"/>: a translation keeps the Dutch title of a source it gives no title for, and the page marks it so.</summary>
    public SiteLanguage TitleLanguage { get; init; } = SiteLanguage.Dutch;
}

/// <summary>A file in the publication's folder, read with the content, served at <c>/{slug}/{Path}</c>.</summary>
public sealed record Attachment(string Path, string ContentType, ReadOnlyMemory<byte> Bytes)
{
    public string FileName => System.IO.Path.GetFileName(Path);
}

public sealed record PressContact(string Name, string? Phone, string? Email, Uri? Url);

/// <summary>A licence for reuse, by name and the address of its text (for example CC0 1.0).</summary>
public sealed record License(string Name, Uri Url);

/// <summary>One declared change of a publication; <see cref="Position"/> is its place in the file, where its translation is found.</summary>
public sealed record Change(DateOnly Date, string What)
{
    public int Position { get; init; }
}

/// <summary>
/// A section of the publication's text, in the order of <c>tekst.md</c>, with the id that journalists link to.
/// <see cref="Html"/> is rendered and sanitised when the content is loaded, never per request.
/// </summary>
public sealed record Section(
    string Id,
    string Title,
    string Html,
    IReadOnlyList<Figure> Figures,
    IReadOnlyList<Chart> Charts,
    bool ShowQuote,
    bool ShowLaws,
    bool ShowMeetings,
    bool ShowTimeline);

public sealed record Quote(string Text, string Name, string Role, Source Source);

/// <summary>One of the laws of the sociaal domein, explained in plain Dutch.</summary>
public sealed record Law(string Id, string Name, string Explanation);

/// <summary>A word a resident may not know, explained in plain Dutch; its first use in the text links here.</summary>
public sealed record Term(string Id, string Name, IReadOnlyList<string> Forms, string Explanation);
