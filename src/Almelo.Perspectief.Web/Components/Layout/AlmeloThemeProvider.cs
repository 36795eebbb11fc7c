using System.Text;
using System.Text.RegularExpressions;
using MudBlazor;

namespace Almelo.Perspectief.Web.Components.Layout;

/// <summary>
/// MudBlazor's theme provider for <see cref="AlmeloTheme"/>, writing only the theme's CSS variables that the site's
/// stylesheet uses (a small part of what MudBlazor writes; docs/benchmarks.md has the figures): the rest cost every page
/// bytes and the browser their styling on the root element. A variable that a kept one refers to is kept as well.
/// </summary>
public sealed partial class AlmeloThemeProvider : MudThemeProvider
{
    /// <summary>The variables the site's stylesheet refers to: read once, the stylesheet is part of the build.</summary>
    private static readonly Lazy<string[]> StylesheetVariables = new(() => References(SiteStyles.Css).Distinct().ToArray());

    protected override void GenerateTheme(StringBuilder themeStringBuilder)
    {
        var all = new StringBuilder();
        base.GenerateTheme(all);
        themeStringBuilder.Append(Used(all.ToString(), StylesheetVariables.Value));
    }

    /// <summary>
    /// The lines of <paramref name="variables"/> (MudBlazor writes one declaration per line) that declare one of
    /// <paramref name="used"/> or a variable a kept one refers to. A line that declares no variable is kept as it is.
    /// </summary>
    internal static string Used(string variables, IEnumerable<string> used)
    {
        var lines = variables.Split('\n').Select(line => (Line: line, Declaration: Declaration().Match(line))).ToList();
        var declared = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (_, match) in lines.Where(l => l.Declaration.Success))
        {
            declared.TryAdd(match.Groups["name"].Value, match.Groups["value"].Value);
        }
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(used);
        while (pending.TryPop(out var name))
        {
            if (kept.Add(name) && declared.TryGetValue(name, out var value))
            {
                foreach (var reference in References(value))
                {
                    pending.Push(reference);
                }
            }
        }
        return string.Join('\n', lines.Where(l => !l.Declaration.Success || kept.Contains(l.Declaration.Groups["name"].Value)).Select(l => l.Line));
    }

    /// <summary>The variables a piece of CSS refers to with <c>var(--name</c>.</summary>
    internal static IEnumerable<string> References(string css) => Reference().Matches(css).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"^\s*(?<name>--[A-Za-z0-9_-]+)\s*:(?<value>[^\n]*)$")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"var\(\s*(?<name>--[A-Za-z0-9_-]+)")]
    private static partial Regex Reference();
}
