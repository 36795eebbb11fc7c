// PurgeCSS keeps only the MudBlazor rules the site's components can use; styles.mjs runs it in the web project's
// folder (src/Almelo.Perspectief.Web), so the globs below are relative to that folder, on MudBlazor's stylesheet from
// the NuGet package folder. The Razor and C# sources are the content. The safelist names the classes MudBlazor builds
// at run time from component parameters (MudContainer's MaxWidth and Gutters, MudPaper's Outlined, Square and
// Elevation), which never appear literally in the sources. MudThemeProvider writes the theme's CSS variables inline,
// so none are needed here. Tests (SiteStylesTests) render every page and check that each mud-* class it uses is still
// in the result.
module.exports = {
  content: ["Components/**/*.razor", "**/*.cs"],
  skippedContentGlobs: ["bin/**", "obj/**"],
  safelist: {
    standard: [/^mud-container/, /^mud-paper/, /^mud-elevation-/],
  },
  keyframes: true,
  fontFace: true,
};
