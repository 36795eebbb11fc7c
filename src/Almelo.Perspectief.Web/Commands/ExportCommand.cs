using System.Diagnostics;
using System.Globalization;
using System.Text;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Hosting;
using Almelo.Perspectief.Web.StaticExport;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Almelo.Perspectief.Web.Commands;

/// <summary>
/// <c>export [--archive | --voorbeeld=ADDRESS] OUT</c>: the whole public site as plain files, rendered by the real app
/// on a loopback port. A preview (<see cref="PreviewAddress"/>) keeps <c>Site:BaseUrl</c> for its canonical links, so
/// that search engines and readers are sent to the real site.
/// Exit 0 when written, 1 when the content is invalid (every error, as <c>validate</c> prints them), 2 when a folder
/// or setting is wrong (OUT not empty, not creatable or in the content folder, the content folder missing, no
/// <c>Site:BaseUrl</c>). OUT is created only when every check has passed.
/// </summary>
internal static class ExportCommand
{
    public const string Name = "export";
    public const string ArchiveFlag = "--archive";
    public const string PreviewFlag = "--voorbeeld";

    /// <summary>Requested to get the 404 page; a static server shows the file of this name for every unknown address.</summary>
    public const string NotFoundFile = "/404.html";

    /// <summary>The 404 page in every language: <c>/404.html</c>, and <c>/en/404.html</c> for the unknown addresses under <c>/en/</c>.</summary>
    public static IEnumerable<string> NotFoundFiles => SiteLanguage.All.Select(l => l.PathPrefix + NotFoundFile);

    public static bool IsOwnFlag(string argument) => argument == ArchiveFlag || argument.StartsWith(PreviewFlag + "=", StringComparison.Ordinal);

    public static async Task<int> Run(WebApplicationBuilder builder, string[] arguments, TextWriter output, TextWriter error)
    {
        var folders = arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (folders.Count != 1)
        {
            await error.WriteLineAsync("Gebruik: export [--archive | --voorbeeld=https://…/pr-7/] MAP [--Content:Path=INHOUD] [--Site:BaseUrl=https://…]. MAP moet leeg zijn of nog niet bestaan.");
            return 2;
        }
        var archive = arguments.Contains(ArchiveFlag, StringComparer.Ordinal);
        var previews = arguments.Where(a => a.StartsWith(PreviewFlag + "=", StringComparison.Ordinal)).Select(a => a[(PreviewFlag.Length + 1)..]).ToList();
        var preview = previews.Count == 1 ? PreviewAddress.Parse(previews[0]) : null;
        if (previews.Count > 1 || (previews.Count == 1 && preview is null) || (archive && previews.Count > 0))
        {
            await error.WriteLineAsync($"{PreviewFlag}= moet één keer het webadres van het voorbeeld geven, zoals {PreviewFlag}=https://voorbeeld.example/pr-7/, zonder ? of #; een voorbeeld is nooit ook een archiefkopie ({ArchiveFlag}).");
            return 2;
        }
        var target = Path.GetFullPath(folders[0]);
        var contentPath = PerspectiefHost.ConfiguredContentPath(builder);

        if (!Uri.TryCreate(builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"], UriKind.Absolute, out var baseUrl))
        {
            await error.WriteLineAsync("Geef het webadres waarop de bestanden komen te staan, bijvoorbeeld --Site:BaseUrl=https://perspectief.almelo.nl: links, deelkaarten, de sitemap en de agenda's bevatten het.");
            return 2;
        }
        if (!Directory.Exists(contentPath))
        {
            await error.WriteLineAsync($"De map {contentPath} bestaat niet.");
            return 2;
        }
        // OUT must be new or empty, so that the export never mixes with or replaces other files; it is made only
        // after the content has passed and the site has started, so that a refused run leaves nothing behind.
        if (ExportTarget.Problem(target, contentPath) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }

        // The content check walks the tree before it reads any file: a link anywhere is refused, never followed.
        var validation = ValidateCommand.Run(contentPath, contentPath, baseUrl.Host, output, error);
        if (validation != 0)
        {
            return validation;
        }

        var clock = Stopwatch.StartNew();
        var version = ContentVersion.Version(contentPath);
        var today = TimeProvider.System.Today();
        var stamp = archive ? new ArchiveStamp(today, version) : null;
        var snapshot = Path.Combine(Path.GetTempPath(), "almelo-perspectief-export", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = Build(builder, new ExportMode(true, stamp, today, preview), snapshot);
            if (Settings.Check(app.Services) is { } wrong)
            {
                await error.WriteLineAsync(wrong);
                return 2;
            }
            await app.StartAsync();
            if (ExportTarget.Create(target, contentPath) is { } late)
            {
                await error.WriteLineAsync(late);
                await app.StopAsync();
                return 2;
            }
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = System.Net.DecompressionMethods.None })
            {
                BaseAddress = new Uri(address),
            };

            var written = await Write(app.Services.GetRequiredService<ContentStore>().Current, new SiteCrawler(client, baseUrl), new ExportFolder(target), baseUrl, version, stamp, preview, output, error);
            await app.StopAsync();
            await output.WriteLineAsync(string.Create(
                CultureInfo.GetCultureInfo("nl-NL"),
                $"Klaar: {written.Addresses} adressen, {written.Files} bestanden, {written.Bytes:N0} bytes in {target} ({clock.Elapsed.TotalSeconds:0.0} s){(stamp is null ? string.Empty : $"; archiefkopie van {stamp.Date:yyyy-MM-dd}, inhoudsversie {stamp.ContentVersion}")}{(preview is null ? string.Empty : $"; voorbeeld voor {preview.Address}")}."));
            return 0;
        }
        catch (InvalidContentException e)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
        catch (Exception e) when (Settings.Describe(e) is { } unreadable)
        {
            // A value the configuration cannot read, found while the services are added: the same line as the site gives.
            await error.WriteLineAsync(unreadable);
            return 2;
        }
        finally
        {
            if (Directory.Exists(snapshot))
            {
                Directory.Delete(snapshot, recursive: true);
            }
        }
    }

    /// <summary>The real site, as configured, on a free loopback port; only what a static copy cannot have is changed.</summary>
    private static WebApplication Build(WebApplicationBuilder builder, ExportMode mode, string snapshot)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Content:SnapshotPath"] = snapshot,
            ["RateLimiting:Enabled"] = "false",
            ["Https:Redirect"] = "false",
            // The export asks the loopback address it listens on; in Production the site would otherwise answer only to Site:BaseUrl's host.
            ["AllowedHosts"] = "127.0.0.1",
            ["Serilog:MinimumLevel:Default"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Warning",
            ["Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime"] = "Warning",
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(mode);
        builder.AddPerspectief();
        var app = builder.Build();
        app.UsePerspectief();
        return app;
    }

    private static async Task<(int Addresses, int Files, long Bytes)> Write(ContentSnapshot content, SiteCrawler crawler, ExportFolder folder, Uri baseUrl, string version, ArchiveStamp? stamp, PreviewAddress? preview, TextWriter output, TextWriter error)
    {
        // Every download the content declares, also when no page links to it.
        var downloads = content.Publications.SelectMany(p => new[] { RouteTable.FiguresCsv.Path(p), RouteTable.FiguresJson.Path(p), RouteTable.Calendar.Path(p) }
            .Concat(p.Meetings.Select(m => RouteTable.MeetingCalendar.Path(p, m)))
            .Concat(p.Charts.SelectMany(c => new[] { RouteTable.ChartSvg.Path(p, c), RouteTable.ChartPng.Path(p, c) }))
            .Append(RouteTable.ShareImage.Path(p))
            .Concat(p.Files.Select(f => RouteTable.File.Path(p, f))));
        var start = new[] { RouteTable.Sitemap.Path(), RouteTable.Robots.Path(), RouteTable.SecurityTxt.Path(), RouteTable.Home.Path() };

        await foreach (var fetched in crawler.Crawl(start, downloads, NotFoundFiles))
        {
            try
            {
                var bytes = preview is not null && fetched.ContentType.StartsWith("text/html", StringComparison.Ordinal)
                    ? Encoding.UTF8.GetBytes(preview.MoveIntoFolder(Encoding.UTF8.GetString(fetched.Bytes)))
                    : fetched.Bytes;
                var file = folder.Write(fetched.Path, fetched.ContentType, bytes, fetched.ContentDisposition);
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {file.Address} -> {file.File} ({file.Bytes} bytes{(file.Encodings is null ? string.Empty : ", " + string.Join(", ", file.Encodings.Keys.Select(k => "." + k)))})"));
            }
            catch (UnsafeAddressException e)
            {
                await error.WriteLineAsync("Let op: " + e.Message);
            }
        }
        foreach (var skipped in crawler.Skipped)
        {
            await error.WriteLineAsync($"Let op: {skipped} is een adres dat de site zelf gebruikt, geen pagina voor lezers; het staat niet in de export. Haal de link weg uit de inhoud.");
        }
        foreach (var broken in crawler.Broken)
        {
            await error.WriteLineAsync($"Let op: dit adres werkt niet op de site en staat dus niet in de export: {broken}");
        }
        var manifest = folder.WriteManifest(baseUrl, TimeProvider.System.GetUtcNow(), version, stamp);
        await output.WriteLineAsync($"  (overzicht) -> {manifest.File}");
        var onDisk = new DirectoryInfo(folder.Root).EnumerateFiles("*", SearchOption.AllDirectories).ToList();
        return (folder.Files.Count, onDisk.Count, onDisk.Sum(f => f.Length));
    }
}
