namespace Almelo.Perspectief.Web.Resources;

/// <summary>
/// The interface text of a publication page and its parts (headings the site adds, labels, the press section):
/// <c>PublicationText.resx</c> is Dutch, <c>PublicationText.en.resx</c> its English, read through
/// <c>IStringLocalizer&lt;PublicationText&gt;</c> in the request's culture.
/// </summary>
internal sealed class PublicationText;
