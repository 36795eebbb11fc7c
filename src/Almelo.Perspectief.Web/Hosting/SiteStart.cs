using Almelo.Perspectief.Web.Content;

namespace Almelo.Perspectief.Web.Hosting;

/// <summary>
/// The site itself (no command): runs until it is stopped. Exit 0 after a stop (also one during the start), 1 when the
/// content is invalid and there is no last good copy (every error), 2 when a setting is wrong: one line, as
/// <c>export</c> gives, checked before the site listens or logs.
/// </summary>
internal static class SiteStart
{
    public static async Task<int> Run(WebApplicationBuilder builder, TextWriter error, CancellationToken stop = default)
    {
        WebApplication app;
        try
        {
            builder.AddPerspectief();
            app = builder.Build();
        }
        catch (Exception e) when (Settings.Describe(e) is { } problem)
        {
            // Read before the settings are checked: the circuit limits (by the services and by Kestrel, which Build creates).
            await error.WriteLineAsync(problem);
            return 2;
        }
        if ((Settings.Check(app.Services) ?? MissingContentFolder(app.Services)) is { } wrong)
        {
            await app.DisposeAsync();
            await error.WriteLineAsync(wrong);
            return 2;
        }
        app.UsePerspectief();
        // Read now: a failed start disposes the app.
        var urls = app.Configuration[WebHostDefaults.ServerUrlsKey];
        try
        {
            await app.RunAsync(stop);
        }
        catch (InvalidContentException e)
        {
            // Invalid content and no last good copy: refuse to start, with the full list of errors.
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (IOException e) when (Settings.IsAddressInUse(e))
        {
            await error.WriteLineAsync(Settings.AddressInUse(urls));
            return 2;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested || app.Lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Stopped (SIGTERM, Ctrl-C) while the content was still being read at start-up: a stop, not a crash.
            return 0;
        }
        return 0;
    }

    /// <summary>
    /// A content folder that is not there at start is a setting typed wrong, not broken content: the last good copy is
    /// for content that cannot be read, not for a site pointed at nothing.
    /// </summary>
    private static string? MissingContentFolder(IServiceProvider services) =>
        services.GetRequiredService<ContentStore>().ContentPath is var path && !Directory.Exists(path)
            ? $"{Settings.Problem}Content:Path wijst naar {path}, maar die map bestaat niet."
            : null;
}
