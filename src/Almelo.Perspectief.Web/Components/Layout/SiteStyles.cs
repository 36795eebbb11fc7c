using Microsoft.AspNetCore.Components;
using NUglify;

namespace Almelo.Perspectief.Web.Components.Layout;

/// <summary>
/// The site's one stylesheet, as a <c>&lt;style&gt;</c> element for every page's head: the MudBlazor rules the
/// components use (Styles/mudblazor.used.css, written by tools/frontend) and Styles/app.css, both embedded in this
/// assembly and minified once, at first use, so that the build needs nothing but the .NET SDK. Inline, it costs a phone
/// no request before the first paint: about 4 KB compressed in each page, against a round trip for a stylesheet that
/// blocks rendering. The CSP allows inline styles (see Hardening).
/// </summary>
internal static class SiteStyles
{
    private static readonly Lazy<string> Stylesheet = new(() => Minified(Read("mudblazor.css") + "\n" + Read("app.css")));

    private static readonly Lazy<MarkupString> StyleElement = new(() =>
        // "</" in a CSS string or comment must not end the element early; "<\/" means the same in CSS.
        new MarkupString("<style>" + Css.Replace("</", "<\\/", StringComparison.Ordinal) + "</style>"));

    /// <summary>The stylesheet's text, minified.</summary>
    public static string Css => Stylesheet.Value;

    public static MarkupString Element => StyleElement.Value;

    /// <summary>
    /// <paramref name="css"/> without comments (but licences, <c>/*!</c>) and needless whitespace. A rule the minifier
    /// cannot read would go missing from every page, so that fails loudly (SiteStylesTests renders every page).
    /// </summary>
    internal static string Minified(string css)
    {
        var result = Uglify.Css(css);
        return result.HasErrors
            ? throw new InvalidOperationException("The site's stylesheet has errors: " + string.Join("; ", result.Errors))
            : result.Code;
    }

    private static string Read(string name)
    {
        var resource = "Almelo.Perspectief.Web." + name;
        using var stream = typeof(SiteStyles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The build embedded no {resource}: see Almelo.Perspectief.Web.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
