using Almelo.Perspectief.Web.Addresses;
using Almelo.Perspectief.Web.Commands;
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

return await SiteStart.Run(builder, Console.Error);

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
