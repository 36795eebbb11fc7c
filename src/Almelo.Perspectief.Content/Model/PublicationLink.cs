using System.Text.Json.Serialization;

namespace Almelo.Perspectief.Content.Model;

/// <summary>The kinds of council document a publication can link to, as <c>soort</c> in publicatie.json names them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PublicationLinkKind>))]
public enum PublicationLinkKind
{
    [JsonStringEnumMemberName("raadsvoorstel")]
    Raadsvoorstel,

    [JsonStringEnumMemberName("besluit")]
    Besluit,

    [JsonStringEnumMemberName("nota")]
    Nota,
}

/// <summary>A link to one of the council's own documents, with the source that gives this address.</summary>
public sealed record PublicationLink(PublicationLinkKind Kind, string Title, Uri Url, Source Source);
