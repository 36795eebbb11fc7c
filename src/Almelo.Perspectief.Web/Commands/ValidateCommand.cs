using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Commands;

/// <summary>
/// <c>validate [DIR]</c>: checks content without starting the site. Exit 0 when valid, 1 with every error
/// (one per line, <c>path:line:column: message</c>), 2 when the folder does not exist. Valid content may still
/// get warnings (lines starting with <c>waarschuwing:</c>), which leave the exit code 0: meetings that are over with
/// no outcome recorded (by today's date: the system clock unless a test gives one), and links to an address the site
/// keeps for itself (<see cref="SiteRoutes"/>; a full web address counts when its host is that of
/// <c>Site:BaseUrl</c>, or on any host when that is not set).
/// </summary>
internal static class ValidateCommand
{
    public const string Name = "validate";

    public static int Run(string? directory, string configuredPath, string? siteHost, TextWriter output, TextWriter error, TimeProvider? clock = null)
    {
        var path = Path.GetFullPath(directory ?? configuredPath);
        if (!Directory.Exists(path))
        {
            error.WriteLine(LogLine.Text($"De map {path} bestaat niet."));
            return 2;
        }
        clock ??= TimeProvider.System;
        var result = ContentLoader.Load(path, clock);
        if (result.IsValid)
        {
            output.WriteLine(LogLine.Text($"De inhoud in {path} is in orde: {result.Snapshot!.Publications.Count} publicatie(s), geen fouten."));
            foreach (var warning in ContentWarning.For(result.Snapshot, clock.Today()).Concat(OperationalLinks.In(result.Snapshot, siteHost)).Concat(UnshownContent.In(result.Snapshot)))
            {
                output.WriteLine(warning.ToString());
            }
            return 0;
        }
        foreach (var problem in result.Errors)
        {
            output.WriteLine(problem.ToString());
        }
        error.WriteLine(LogLine.Text($"{result.Errors.Count} fout(en) gevonden in {path}."));
        return 1;
    }
}
