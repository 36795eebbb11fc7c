using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.FileProviders.Physical;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// An export folder served the way docs/deployment.md serves it with nginx: <c>try_files $uri $uri/index.html =404</c>,
/// <c>error_page 404 /404.html</c> (and <c>/en/404.html</c> below <c>/en/</c>), the content type and download name of each file from the export's manifest (as on object storage).
/// A real Kestrel server on a free loopback port; no part of the app.
/// </summary>
public sealed class StaticSite : IAsyncDisposable
{
    private readonly WebApplication app;

    private StaticSite(WebApplication app, Uri address)
    {
        this.app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<StaticSite> Serve(string root)
    {
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var downloads = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(root, "export-manifest.json"))))
        {
            foreach (var file in manifest.RootElement.GetProperty("files").EnumerateArray())
            {
                types[file.GetProperty("file").GetString()!] = file.GetProperty("contentType").GetString()!;
                if (file.TryGetProperty("contentDisposition", out var disposition))
                {
                    downloads[file.GetProperty("file").GetString()!] = disposition.GetString()!;
                }
            }
        }
        var files = new PhysicalFileProvider(root, ExclusionFilters.None);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            foreach (var candidate in new[] { path, path.TrimEnd('/') + "/index.html" })
            {
                var file = files.GetFileInfo(candidate);
                if (file is { Exists: true, IsDirectory: false })
                {
                    context.Response.ContentType = types.GetValueOrDefault(candidate.TrimStart('/'), "application/octet-stream");
                    if (downloads.TryGetValue(candidate.TrimStart('/'), out var disposition))
                    {
                        context.Response.Headers.ContentDisposition = disposition;
                    }
                    await context.Response.SendFileAsync(file);
                    return;
                }
            }
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/html; charset=utf-8";
            // The 404 page of the address's first folder if it has one (/en/404.html, nginx's error_page in location /en/).
            var folder = path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var first, _, ..] ? files.GetFileInfo($"/{first}/404.html") : null;
            await context.Response.SendFileAsync(folder is { Exists: true } ? folder : files.GetFileInfo("/404.html"));
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StaticSite(app, new Uri(address));
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
