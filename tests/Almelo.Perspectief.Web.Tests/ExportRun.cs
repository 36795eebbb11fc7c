namespace Almelo.Perspectief.Web.Tests;

/// <summary>The export command run as a real process (<c>dotnet Almelo.Perspectief.Web.dll export ...</c>) into a fresh folder.</summary>
public sealed class ExportRun : IDisposable
{
    public const string BaseUrl = "https://perspectief.almelo.nl";

    private ExportRun(string output, int exit, string stdout, string stderr)
    {
        Output = output;
        Exit = exit;
        StandardOutput = stdout;
        StandardError = stderr;
    }

    public string Output { get; }

    public int Exit { get; }

    public string StandardOutput { get; }

    public string StandardError { get; }

    public static string NewFolder() => Path.Combine(Path.GetTempPath(), "almelo-export-test", Guid.NewGuid().ToString("N"));

    public static async Task<ExportRun> Of(string contentPath, params string[] extra)
    {
        var output = NewFolder();
        var (exit, stdout, stderr) = await WebProgram.Run(TimeSpan.FromMinutes(3), ["export", output, $"--Content:Path={contentPath}", $"--Site:BaseUrl={BaseUrl}", .. extra]);
        return new ExportRun(output, exit, stdout, stderr);
    }

    public override string ToString() => $"exit {Exit}\n{StandardOutput}\n{StandardError}";

    public void Dispose()
    {
        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }
}
