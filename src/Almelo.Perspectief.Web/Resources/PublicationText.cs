using System.Resources;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Resources;

/// <summary>
/// The interface text of a publication page and its parts (headings the site adds, labels, the press section):
/// <c>PublicationText.resx</c> is Dutch, <c>PublicationText.en.resx</c> its English, read through
/// <c>IStringLocalizer&lt;PublicationText&gt;</c> in the request's culture.
/// </summary>
internal sealed class PublicationText
{
    private static readonly ResourceManager Words = new(typeof(PublicationText));

    /// <summary>
    /// The text in a language named outright, for what is not drawn in the page's request: the pictures, the JSON-LD and
    /// the island, whose circuit runs in the culture of its own (Dutch) request.
    /// </summary>
    public static string In(SiteLanguage language, string name, params object[] values) =>
        Words.GetString(name, language.Culture) is { } text
            ? (values.Length == 0 ? text : string.Format(language.Culture, text, values))
            : throw new MissingManifestResourceException($"PublicationText has no '{name}'.");
}
