namespace Almelo.Perspectief.Content.Model;

/// <summary>The kinds of council document a publication can link to.</summary>
public enum PublicationLinkKind
{
    Raadsvoorstel,
    Besluit,
    Nota,
}

/// <summary>A link to one of the council's own documents, with the source that gives this address.</summary>
public sealed record PublicationLink(PublicationLinkKind Kind, string Title, Uri Url, Source Source);
