namespace Almelo.Perspectief.Content.Loading;

/// <summary>
/// The addresses the site keeps for itself rather than for readers: the health probes, the island's connection and
/// fresh markup, and the error and "not found" pages the server shows in place of another address. A static copy has
/// none of them, so the export never fetches one, and the validator warns when content links to one.
/// </summary>
public static class SiteRoutes
{
    /// <summary>
    /// The first path segment of each such address (<c>/health</c>, <c>/health/live</c>, <c>/_blazor/negotiate</c>,
    /// <c>/_eiland/{slug}/wetten</c>, <c>/fout</c>, <c>/niet-gevonden</c>); see <c>HealthEndpoints</c>,
    /// <c>IslandEndpoint.MapIsland</c>, <c>Components/Pages/Error.razor</c> and <c>NotFound.razor</c>.
    /// </summary>
    public static readonly IReadOnlyList<string> Operational = ["health", "_blazor", "_eiland", "fout", "niet-gevonden"];

    /// <summary>
    /// Whether a path (<c>/health/live</c>, as a URL's path, percent-encoded or not) leads to one of them. Matched the
    /// way the server routes: letter case ignored, encoded letters decoded and <c>.</c>/<c>..</c> resolved first.
    /// </summary>
    public static bool IsOperational(string path)
    {
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }
            }
            else if (segment is not ("" or "."))
            {
                segments.Add(segment);
            }
        }
        return segments.Count > 0 && Operational.Contains(segments[0], StringComparer.OrdinalIgnoreCase);
    }
}
