using MudBlazor;

namespace Almelo.Perspectief.Web.Components.Layout;

/// <summary>The one theme of the site: Almelo red on white, system fonts (nothing loaded from elsewhere), contrast ≥ 4.5:1.</summary>
internal static class AlmeloTheme
{
    private static readonly string[] FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#a4001d",
            PrimaryContrastText = "#ffffff",
            Secondary = "#1f4e79",
            SecondaryContrastText = "#ffffff",
            AppbarBackground = "#a4001d",
            AppbarText = "#ffffff",
            Background = "#ffffff",
            Surface = "#ffffff",
            TextPrimary = "#1a1a1a",
            TextSecondary = "#4a4a4a",
            Success = "#1e6b35",
            Info = "#1f4e79",
            Warning = "#7a4a00",
            Error = "#a4001d",
            LinesDefault = "#cfcfcf",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = FontFamily, FontSize = "1.0625rem", LineHeight = "1.6" },
            H1 = new H1Typography { FontFamily = FontFamily, FontSize = "2.25rem", FontWeight = "700", LineHeight = "1.2" },
            H2 = new H2Typography { FontFamily = FontFamily, FontSize = "1.625rem", FontWeight = "700", LineHeight = "1.25" },
            H3 = new H3Typography { FontFamily = FontFamily, FontSize = "1.25rem", FontWeight = "700", LineHeight = "1.3" },
            Body1 = new Body1Typography { FontFamily = FontFamily, FontSize = "1.0625rem", LineHeight = "1.6" },
            Body2 = new Body2Typography { FontFamily = FontFamily, FontSize = "0.9375rem", LineHeight = "1.5" },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
