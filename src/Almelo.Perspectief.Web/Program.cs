using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Commands;
using Almelo.Perspectief.Web.Content;
using Almelo.Perspectief.Web.Hosting;

var validate = args.Length > 0 && args[0] == ValidateCommand.Name;
var export = args.Length > 0 && args[0] == ExportCommand.Name;
var hostArgs = validate || export
    ? args[1..].Where(a => a.StartsWith("--", StringComparison.Ordinal) && !ExportCommand.IsOwnFlag(a)).ToArray()
    : args;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = hostArgs,
    ContentRootPath = PerspectiefHost.PublishedContentRoot(),
});

if (validate)
{
    var directory = args[1..].FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
    var siteHost = SiteOptions.HostOf(builder.Configuration[$"{SiteOptions.Section}:{nameof(SiteOptions.BaseUrl)}"]);
    return ValidateCommand.Run(directory, PerspectiefHost.ConfiguredContentPath(builder), siteHost, Console.Out, Console.Error);
}

if (export)
{
    return await ExportCommand.Run(builder, args[1..], Console.Out, Console.Error);
}

builder.AddPerspectief();
var app = builder.Build();
app.UsePerspectief();
try
{
    await app.RunAsync();
}
catch (InvalidContentException e)
{
    // Invalid content and no last good copy: refuse to start, with the full list of errors.
    await Console.Error.WriteLineAsync(e.Message);
    return 1;
}
catch (OperationCanceledException) when (app.Lifetime.ApplicationStopping.IsCancellationRequested)
{
    // Stopped (SIGTERM, Ctrl-C) while the content was still being read at start-up: a stop, not a crash.
    return 0;
}
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
