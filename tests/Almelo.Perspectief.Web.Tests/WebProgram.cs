using System.Diagnostics;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>The web app as a real process (<c>dotnet Almelo.Perspectief.Web.dll ...</c>), for what a user sees on the command line.</summary>
internal static class WebProgram
{
    public static Task<(int Exit, string Output, string Error)> Run(TimeSpan timeout, params string[] arguments) => RunIn("Development", timeout, arguments);

    /// <summary>In another environment: a published app runs in Production unless told otherwise.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunIn(string environment, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Almelo.Perspectief.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"dotnet Almelo.Perspectief.Web.dll {string.Join(' ', arguments)} did not exit within {timeout}.");
        }
        return (process.ExitCode, await output, await error);
    }
}
