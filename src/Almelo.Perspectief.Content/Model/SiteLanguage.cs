using System.Globalization;

namespace Almelo.Perspectief.Content.Model;

/// <summary>
/// A language the site publishes in. Dutch is the official text and lives at the root of every address; a translation
/// lives under its own prefix (<c>/en/…</c>) and is read from files with its suffix (<c>tekst.en.md</c>).
/// </summary>
public sealed record SiteLanguage
{
    private SiteLanguage(string code, string culture)
    {
        Code = code;
        Culture = CultureInfo.GetCultureInfo(culture);
    }

    public static readonly SiteLanguage Dutch = new("nl", "nl-NL");

    public static readonly SiteLanguage English = new("en", "en-GB");

    /// <summary>Every language, the official one first.</summary>
    public static readonly IReadOnlyList<SiteLanguage> All = [Dutch, English];

    /// <summary>The language code of <c>lang</c> and <c>hreflang</c>: "nl", "en".</summary>
    public string Code { get; }

    /// <summary>The culture its numbers, dates and interface text follow.</summary>
    public CultureInfo Culture { get; }

    public bool IsDutch => ReferenceEquals(this, Dutch);

    /// <summary>Where its addresses start: "" for Dutch, "/en" for English.</summary>
    public string PathPrefix => IsDutch ? string.Empty : "/" + Code;

    /// <summary>What its content files add before the extension: "" for Dutch (tekst.md), ".en" for English (tekst.en.md).</summary>
    public string FileSuffix => IsDutch ? string.Empty : "." + Code;

    /// <summary>The Open Graph locale: "nl_NL", "en_GB".</summary>
    public string OpenGraphLocale => Culture.Name.Replace('-', '_');

    /// <summary>The language a reader switches to from this one.</summary>
    public SiteLanguage Other => IsDutch ? English : Dutch;

    /// <summary>The language with this code, or null.</summary>
    public static SiteLanguage? FromCode(string? code) => All.FirstOrDefault(l => string.Equals(l.Code, code, StringComparison.Ordinal));

    /// <summary>The language of a culture (en-GB, en-US and en are English); Dutch for any culture the site has no language for.</summary>
    public static SiteLanguage Of(CultureInfo culture) => FromCode(culture.TwoLetterISOLanguageName) ?? Dutch;

    public override string ToString() => Code;
}
