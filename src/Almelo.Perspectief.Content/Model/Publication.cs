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
    IReadOnlyList<Law> Laws)
{
    public Figure? FindFigure(string id) => Figures.FirstOrDefault(f => f.Id == id);

    public Section? FindSection(string id) => Sections.FirstOrDefault(s => s.Id == id);
}

/// <summary>A document that figures and quotes refer to.</summary>
public sealed record Source(string Id, string Title, string Publisher, DateOnly Date, string? Place, Uri? Url);

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
    bool ShowMeetings);

public sealed record Quote(string Text, string Name, string Role, Source Source);

/// <summary>One of the laws of the sociaal domein, explained in plain Dutch.</summary>
public sealed record Law(string Id, string Name, string Explanation);

public enum MeetingKind
{
    PolitiekeAvond,
    Besluitvormend,
}

public sealed record Meeting(string Id, DateOnly Date, TimeOnly? StartTime, MeetingKind Kind, string Subject, string? Place, Uri? Link)
{
    /// <summary>A meeting has passed once its day is over in the given local date.</summary>
    public bool HasPassed(DateOnly today) => Date < today;
}
