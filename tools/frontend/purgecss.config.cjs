// PurgeCSS keeps only the MudBlazor rules the site's components can use. The build (Almelo.Perspectief.Web.csproj)
// passes MudBlazor's stylesheet from the NuGet package folder with --css and writes obj/…/mudblazor.used.css, which
// clean-css minifies together with Styles/app.css into the stylesheet every page carries inline (SiteStyles.cs).
// The Razor and C# sources are the content. The safelist names the classes MudBlazor builds at run time from
// component parameters (MudContainer's MaxWidth and Gutters, MudPaper's Outlined, Square and Elevation), which never
// appear literally in the sources. MudThemeProvider writes the theme's CSS variables inline, so none are needed here.
// Tests (MudBlazorStylesheetTests) render every page and check that each mud-* class it uses is still in the result.
module.exports = {
  content: ["Components/**/*.razor", "**/*.cs"],
  skippedContentGlobs: ["bin/**", "obj/**", "node_modules/**"],
  safelist: {
    standard: [/^mud-container/, /^mud-paper/, /^mud-elevation-/],
  },
  keyframes: true,
  fontFace: true,
};
