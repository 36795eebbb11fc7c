namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// The site's own settings from <c>site.json</c> at the content root, shared by every publication: where a reader can
/// ask a question, and the council's general information (how to take part, where to watch). Not facts about a
/// publication; each sourced detail carries the page it comes from.
/// </summary>
public sealed record SiteSettings(IReadOnlyList<ContactRoute> Contact, CouncilInfo? Council, IReadOnlyList<Source> Sources);

/// <summary>One way to ask a question: a sentence and a web address or an e-mail address (with its source).</summary>
public sealed record ContactRoute(string Text, string LinkText, Uri Link, Source? Source)
{
    /// <summary>Whether <see cref="LinkText"/> is words the editor wrote ("linktekst"), which a translation translates, rather than the address itself.</summary>
    public bool LinkTextIsWords { get; init; }
}

/// <summary>A sentence about the council with the page it comes from.</summary>
public sealed record SourcedLine(string Text, Source Source);

/// <summary>A link to a page of the council or the gemeente, with the page that gives its address when that is another.</summary>
public sealed record SiteLink(string Title, Uri Url, Source? Source);

/// <summary>
/// The council's general information, shown with every publication's meetings: the council information system (a
/// navigation link), how residents take part, and where meetings can be watched.
/// </summary>
public sealed record CouncilInfo(SiteLink Information, IReadOnlyList<SourcedLine> TakingPart, SiteLink? Watch);
