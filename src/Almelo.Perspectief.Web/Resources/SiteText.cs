namespace Almelo.Perspectief.Web.Resources;

/// <summary>
/// The interface text of the site's frame and its own pages (layout, home, accessibility, privacy, not found):
/// <c>SiteText.resx</c> is Dutch, the neutral language; <c>SiteText.en.resx</c> its English. Components read it through
/// <c>IStringLocalizer&lt;SiteText&gt;</c>, in the request's culture (set from the address by <c>PathLanguage</c>).
/// </summary>
internal sealed class SiteText;
