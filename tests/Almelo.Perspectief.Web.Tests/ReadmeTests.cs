using System.Net;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Tests;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// README.md's release build and the Dockerfile's header, run as written and in Production, must serve the
/// publication. The test's own build of the site stands in for the publish in <c>out/</c> and for the image: no
/// publish and no Docker here, one process start per command.
/// </summary>
public sealed partial class ReadmeTests
{
    private const string Publish = "dotnet publish src/Almelo.Perspectief.Web -c Release -o out";
    private const string Published = "dotnet out/Almelo.Perspectief.Web.dll ";
    private static readonly TimeSpan StartUp = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task ReleaseBuild_RunAsWritten_ServesThePublicationInProduction()
    {
        var readme = await File.ReadAllTextAsync(Path.Combine(ContentFixture.RepositoryRoot, "README.md"));
        var release = readme[readme.IndexOf("- Release build:", StringComparison.Ordinal)..];
        release = release[..release.IndexOf("\n\n", StringComparison.Ordinal)];
        var commands = CodeSpan().Matches(release).Select(m => m.Groups["code"].Value).ToList();
        Assert.Equal(Publish, commands[0]);
        var run = Assert.Single(commands, c => c.StartsWith(Published, StringComparison.Ordinal));
        var written = run[Published.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var listen = new Uri(written[Array.IndexOf(written, "--urls") + 1]);
        // The README's port is the one `dotnet run` uses too, so a developer may have a site on it: the test takes a free one, everywhere the port is written.
        var documentedPort = ":" + listen.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var port = ":" + WebProgram.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var arguments = written
            .Select(a => a.Replace("$PWD", ContentFixture.RepositoryRoot, StringComparison.Ordinal).Replace(documentedPort, port, StringComparison.Ordinal))
            .ToArray();
        var page = new Uri(listen, "/" + ContentFixture.Slug).ToString();
        var state = Directory.CreateTempSubdirectory("almelo-readme-");
        try
        {
            // The last good copy goes to the user's state folder unless told: here a folder of the test's own.
            await using var site = WebProgram.Serve(new Dictionary<string, string> { ["XDG_STATE_HOME"] = state.FullName }, arguments);

            using var response = await site.GetWhenListening(new Uri(page.Replace(documentedPort, port, StringComparison.Ordinal)), host: null, StartUp);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Perspectiefnota 2026-2029", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            await Http.Eventually(() => Task.FromResult(site.Log), log => log.Contains("\"EnvName\":\"Production\"", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
            // The address the README tells a reader to open is the one served.
            Assert.Contains($"<{page}>", release, StringComparison.Ordinal);
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DockerfileHeader_RunWithTheImageSettings_ServesThePublication()
    {
        var dockerfile = await File.ReadAllTextAsync(Path.Combine(ContentFixture.RepositoryRoot, "Dockerfile"));
        var run = Tokens(DockerRun().Match(dockerfile).Groups["arguments"].Value);
        var runtime = dockerfile[dockerfile.IndexOf(" AS runtime", StringComparison.Ordinal)..].Replace("\\\n", " ", StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"Almelo.Perspectief.Web.dll\"]", runtime, StringComparison.Ordinal);
        Assert.Equal("almelo-perspectief", run[^1]);

        var data = Directory.CreateTempSubdirectory("almelo-docker-");
        try
        {
            var mounts = new Dictionary<string, string>(StringComparer.Ordinal);
            var published = new List<string>();
            var settings = Tokens(EnvInstruction().Match(runtime).Groups["settings"].Value).ToDictionary(s => s[..s.IndexOf('=', StringComparison.Ordinal)], s => s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..], StringComparer.Ordinal);
            for (var i = 0; i < run.Count - 1; i += 2)
            {
                var value = run[i + 1];
                switch (run[i])
                {
                    case "-p":
                        published.Add(value.Split(':')[1]);
                        break;
                    case "-v":
                        var (source, target) = (value.Split(':')[0], value.Split(':')[1]);
                        // A named volume is an empty folder of its own; a bind mount of $PWD/… is the repository's.
                        mounts[target] = source.StartsWith("$PWD/", StringComparison.Ordinal)
                            ? Path.Combine(ContentFixture.RepositoryRoot, source["$PWD/".Length..])
                            : data.CreateSubdirectory(source).FullName;
                        break;
                    case "-e":
                        settings[value[..value.IndexOf('=', StringComparison.Ordinal)]] = value[(value.IndexOf('=', StringComparison.Ordinal) + 1)..];
                        break;
                    default:
                        throw new Xunit.Sdk.XunitException($"The Dockerfile's docker run has {run[i]}, which this test does not know.");
                }
            }
            var port = WebProgram.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
            var environment = settings.ToDictionary(
                s => s.Key,
                s => s.Key == "ASPNETCORE_URLS"
                    // The container listens on every interface of its own; here, loopback on a free port.
                    ? s.Value.Replace("+", "127.0.0.1", StringComparison.Ordinal).Replace(":" + Assert.Single(published), ":" + port, StringComparison.Ordinal)
                    : mounts.Aggregate(s.Value, (value, mount) => value == mount.Key || value.StartsWith(mount.Key + "/", StringComparison.Ordinal) ? mount.Value + value[mount.Key.Length..] : value),
                StringComparer.Ordinal);
            await using var site = WebProgram.Serve(environment);

            using var response = await site.GetWhenListening(
                new Uri($"http://127.0.0.1:{port}/{ContentFixture.Slug}"),
                environment.TryGetValue("Site__BaseUrl", out var baseUrl) ? new Uri(baseUrl).Host : null,
                StartUp);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("Perspectiefnota 2026-2029", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.True(Directory.EnumerateFileSystemEntries(mounts["/data"], "*", SearchOption.AllDirectories).Any(), "The site wrote nothing to /data:\n" + site.Log);
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    /// <summary>Words as a shell splits them, with double quotes (no escapes: the documents have none).</summary>
    private static List<string> Tokens(string text) => [.. Word().Matches(text).Select(m => m.Groups["word"].Value)];

    [GeneratedRegex("`(?<code>[^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^#\s+docker run (?<arguments>.+)$", RegexOptions.Multiline)]
    private static partial Regex DockerRun();

    [GeneratedRegex(@"^ENV (?<settings>.+)$", RegexOptions.Multiline)]
    private static partial Regex EnvInstruction();

    [GeneratedRegex("\"(?<word>[^\"]*)\"|(?<word>[^\\s\"]+)")]
    private static partial Regex Word();
}
