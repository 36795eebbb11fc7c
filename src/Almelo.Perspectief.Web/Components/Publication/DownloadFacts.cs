using Almelo.Perspectief.Content.Formatting;

namespace Almelo.Perspectief.Web.Components.Publication;

/// <summary>What a reader sees next to a download before opening it.</summary>
internal static class DownloadFacts
{
    /// <summary>"850 bytes", "4 kB", "1,2 MB" (in English "1.2 MB").</summary>
    public static string Size(long bytes, TextFormat format) => bytes switch
    {
        < 1000 => $"{bytes} bytes",
        < 1_000_000 => $"{Math.Ceiling(bytes / 1000m).ToString("0", format.Culture)}\u00A0kB",
        _ => $"{(bytes / 1_000_000m).ToString("0.#", format.Culture)}\u00A0MB",
    };
}
