using Almelo.Perspectief.Web.Commands;
using Almelo.Perspectief.Web.Hosting;
using Microsoft.AspNetCore.Builder;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The export command into a fresh folder: in this process, on the builder the program makes from the same arguments
/// (<see cref="Of"/>), or as the real program (<see cref="AsProgram"/>) where the process itself is under test.
/// </summary>
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

    /// <summary><c>export OUT --Content:Path=… --Site:BaseUrl=…</c> in this process, in Development.</summary>
    public static async Task<ExportRun> Of(string contentPath, params string[] extra)
    {
        var output = NewFolder();
        var (exit, stdout, stderr) = await InProcess("Development", ["export", output, $"--Content:Path={contentPath}", $"--Site:BaseUrl={BaseUrl}", .. extra]);
        return new ExportRun(output, exit, stdout, stderr);
    }

    /// <summary><c>dotnet Almelo.Perspectief.Web.dll export OUT --Content:Path=… --Site:BaseUrl=…</c> in the given environment.</summary>
    public static async Task<ExportRun> AsProgram(string environment, string contentPath, params string[] extra)
    {
        var output = NewFolder();
        var (exit, stdout, stderr) = await WebProgram.RunIn(environment, TimeSpan.FromMinutes(3), ["export", output, $"--Content:Path={contentPath}", $"--Site:BaseUrl={BaseUrl}", .. extra]);
        return new ExportRun(output, exit, stdout, stderr);
    }

    /// <summary>
    /// <c>export …</c> as Program.cs runs it, in this process: the same builder options (the settings are the arguments
    /// that start with <c>--</c>, less the command's own flags), the program's name, and a folder of the test's output as
    /// content root, where the program as a process starts.
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> InProcess(string environment, params string[] arguments)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = arguments[1..].Where(a => a.StartsWith("--", StringComparison.Ordinal) && !ExportCommand.IsOwnFlag(a)).ToArray(),
            ApplicationName = typeof(Program).Assembly.GetName().Name,
            EnvironmentName = environment,
            ContentRootPath = PerspectiefHost.PublishedContentRoot() ?? AppContext.BaseDirectory,
        });
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ExportCommand.Run(builder, arguments[1..], output, error);
        return (exit, output.ToString(), error.ToString());
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
