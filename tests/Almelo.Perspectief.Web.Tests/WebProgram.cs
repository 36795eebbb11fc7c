using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

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

    /// <summary>
    /// Starts the web app as a process that serves until it is disposed, with exactly the environment variables given
    /// added (none of the test's own ASPNETCORE_/DOTNET_ENVIRONMENT: like a publish, it runs in Production unless told).
    /// </summary>
    public static ServingWebProgram Serve(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Almelo.Perspectief.Web.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        return new ServingWebProgram(Process.Start(start)!);
    }

    /// <summary>A free loopback port, for a command whose port is written in a document.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A running <c>dotnet Almelo.Perspectief.Web.dll</c>; disposing it ends the process.</summary>
internal sealed class ServingWebProgram : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    public ServingWebProgram(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Everything the process wrote so far, standard output and error together.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>The first answer to a GET once the site listens (with the Host header given, if any); fails when the process ends first or does not answer in time.</summary>
    public async Task<HttpResponseMessage> GetWhenListening(Uri address, string? host, TimeSpan within)
    {
        using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (process.HasExited)
            {
                throw new Xunit.Sdk.XunitException($"The site ended with exit code {process.ExitCode} before it answered:\n{Log}");
            }
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Host = host;
            try
            {
                return await client.SendAsync(request);
            }
            catch (HttpRequestException e)
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new Xunit.Sdk.XunitException($"No answer from {address} within {within} ({e.Message}):\n{Log}");
                }
                // Not listening yet.
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }
}
