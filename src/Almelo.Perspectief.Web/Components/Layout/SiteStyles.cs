using Microsoft.AspNetCore.Components;

namespace Almelo.Perspectief.Web.Components.Layout;

/// <summary>
/// The site's one stylesheet, as a <c>&lt;style&gt;</c> element for every page's head. The build writes it (the MudBlazor
/// rules the components use and Styles/app.css, minified; see the BuildSiteStyles target) and embeds it in this
/// assembly. Inline, it costs a phone no request before the first paint: about 4 KB compressed in each page, against a
/// round trip for a stylesheet that blocks rendering. The CSP allows inline styles (see Hardening).
/// </summary>
internal static class SiteStyles
{
    private const string ResourceName = "Almelo.Perspectief.Web.site.css";

    private static readonly Lazy<string> Stylesheet = new(Read);

    private static readonly Lazy<MarkupString> StyleElement = new(() =>
        // "</" in a CSS string or comment must not end the element early; "<\/" means the same in CSS.
        new MarkupString("<style>" + Css.Replace("</", "<\\/", StringComparison.Ordinal) + "</style>"));

    /// <summary>The stylesheet's text, as the build wrote it.</summary>
    public static string Css => Stylesheet.Value;

    public static MarkupString Element => StyleElement.Value;

    private static string Read()
    {
        using var stream = typeof(SiteStyles).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The build embedded no {ResourceName}: see the BuildSiteStyles target in Almelo.Perspectief.Web.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
