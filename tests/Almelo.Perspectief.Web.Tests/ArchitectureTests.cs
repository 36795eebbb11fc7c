using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;
using Almelo.Perspectief.Content.Tests;
using Xunit.Abstractions;

namespace Almelo.Perspectief.Web.Tests;

/// <summary>
/// The map in the repository stays true: the web project's folders depend on each other one way only, no two classes
/// share a name, and every folder or file README.md's table and docs/architecture.md name exists.
/// </summary>
public sealed partial class ArchitectureTests(ITestOutputHelper output)
{
    private const string WebNamespace = "Almelo.Perspectief.Web.";

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    [Fact]
    public void WebFolders_DependOnEachOtherOneWayOnly()
    {
        var edges = FolderDependencies(typeof(Program).Assembly);
        foreach (var (from, targets) in edges.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"{from} -> {string.Join(", ", targets.Keys.Order(StringComparer.Ordinal))}");
        }

        var cycle = FindCycle(edges);

        Assert.True(cycle is null, cycle is null ? string.Empty : "The folders depend on each other in a circle: " + string.Join(
            "; ",
            cycle.Zip(cycle.Skip(1).Append(cycle[0]), (from, to) => $"{from} -> {to} ({edges[from][to]})")));
    }

    [Fact]
    public void WebAndContentAssemblies_NoTwoTypesShareAName()
    {
        var types = typeof(Program).Assembly.GetTypes().Concat(typeof(Publication).Assembly.GetTypes())
            .Where(t => !t.IsNested && !t.Name.StartsWith('<') && t.Namespace?.StartsWith("Almelo.Perspectief.", StringComparison.Ordinal) == true);

        var shared = types.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(t => t.FullName))).ToList();

        Assert.Empty(shared);
    }

    [Fact]
    public void ReadmeFolderTable_EveryPathItNames_Exists()
    {
        var readme = File.ReadAllText(Path.Combine(ContentFixture.RepositoryRoot, "README.md"));
        var table = Section(readme, "## Where things are");
        var rows = table.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);

        var missing = new List<string>();
        foreach (var row in rows)
        {
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            var path = Code().Match(cells[1]).Groups["code"].Value;
            missing.AddRange(Missing([path], ContentFixture.RepositoryRoot));
            // Folders named in the description are inside the row's own path, or else paths from the repository root.
            missing.AddRange(Missing(PathsIn(cells[2]), Path.Combine(ContentFixture.RepositoryRoot, path), ContentFixture.RepositoryRoot));
        }

        Assert.Empty(missing);
    }

    [Fact]
    public void ArchitectureDoc_EveryFolderAndFileItNames_Exists()
    {
        var root = ContentFixture.RepositoryRoot;
        var doc = File.ReadAllText(Path.Combine(root, "docs", "architecture.md"));
        var named = PathsIn(doc).ToList();
        Assert.Contains(named, n => n.EndsWith('/'));

        var missing = Missing(
            named,
            root,
            Path.Combine(root, "src", "Almelo.Perspectief.Web"),
            Path.Combine(root, "src", "Almelo.Perspectief.Content"),
            Path.Combine(root, "tests"));

        Assert.Empty(missing);
    }

    /// <summary>Every dependency of one folder's types on another folder's, with one example of each.</summary>
    private static Dictionary<string, Dictionary<string, string>> FolderDependencies(Assembly assembly)
    {
        var edges = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var type in assembly.GetTypes())
        {
            if (FolderOf(type) is not { } from)
            {
                continue;
            }
            foreach (var used in ReferencedBy(type).SelectMany(Expand).Distinct())
            {
                if (FolderOf(used) is { } to && to != from)
                {
                    var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new(StringComparer.Ordinal);
                    targets.TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }
        return edges;
    }

    /// <summary>The folder under the web project that a type's namespace names (Razor's generated helpers included), or null.</summary>
    private static string? FolderOf(Type type)
    {
        var name = type.Namespace ?? string.Empty;
        name = name.StartsWith("__Blazor.", StringComparison.Ordinal) ? name["__Blazor.".Length..] : name;
        return name.StartsWith(WebNamespace, StringComparison.Ordinal) ? name[WebNamespace.Length..].Split('.')[0] : null;
    }

    /// <summary>What a type's signatures, attributes and method bodies name.</summary>
    private static IEnumerable<Type> ReferencedBy(Type type)
    {
        if (type.BaseType is { } baseType)
        {
            yield return baseType;
        }
        foreach (var reference in type.GetInterfaces()
            .Concat(type.GetCustomAttributesData().Select(a => a.AttributeType))
            .Concat(type.GetFields(Declared).Select(f => f.FieldType))
            .Concat(type.GetProperties(Declared).Select(p => p.PropertyType))
            .Concat(type.GetEvents(Declared).Select(e => e.EventHandlerType).OfType<Type>()))
        {
            yield return reference;
        }
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                yield return info.ReturnType;
            }
            foreach (var parameter in method.GetParameters())
            {
                yield return parameter.ParameterType;
            }
            foreach (var used in InBody(method))
            {
                yield return used;
            }
        }
    }

    /// <summary>The types a method's IL names: the types, fields and methods its instructions load, call or create.</summary>
    private static IEnumerable<Type> InBody(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray() ?? [];
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[at + 1]))] : OpCodesByValue[il[at]];
            at += code.Size;
            var operand = code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                _ => 4,
            };
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                switch (member)
                {
                    case Type used:
                        yield return used;
                        break;
                    case FieldInfo field:
                        yield return field.DeclaringType!;
                        yield return field.FieldType;
                        break;
                    case MethodInfo called:
                        yield return called.DeclaringType!;
                        foreach (var argument in called.IsGenericMethod ? called.GetGenericArguments() : [])
                        {
                            yield return argument;
                        }
                        break;
                    case ConstructorInfo created:
                        yield return created.DeclaringType!;
                        break;
                }
            }
            at += operand;
        }
    }

    /// <summary>A type and the types it is built from: element types and generic arguments.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType)
        {
            foreach (var inner in Expand(type.GetElementType()!))
            {
                yield return inner;
            }
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The folders of one cycle in the graph, in order, or null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, Dictionary<string, string>> edges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string folder)
        {
            if (path.IndexOf(folder) is var start and >= 0)
            {
                return path[start..];
            }
            if (!done.Add(folder))
            {
                return null;
            }
            path.Add(folder);
            foreach (var next in edges.GetValueOrDefault(folder)?.Keys.ToList() ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return edges.Keys.Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section '{heading}'");
        var end = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>Code spans that look like a folder or a file of the repository (not an address such as <c>/health</c>).</summary>
    private static IEnumerable<string> PathsIn(string markdown) =>
        Code().Matches(markdown).Select(m => m.Groups["code"].Value)
            .Where(code => RepositoryPath().IsMatch(code) && !code.StartsWith('/'));

    /// <summary>The paths that exist under none of the folders; a bare file name may be anywhere in the repository.</summary>
    private static IEnumerable<string> Missing(IEnumerable<string> paths, params string[] bases) =>
        paths.Where(path => path.Contains('/', StringComparison.Ordinal)
            ? !bases.Any(b => Directory.Exists(Path.Combine(b, path)) || File.Exists(Path.Combine(b, path)))
            : !RepositoryFileNames.Value.Contains(path));

    private static readonly Lazy<HashSet<string>> RepositoryFileNames = new(() => FileNames(ContentFixture.RepositoryRoot).ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<string> FileNames(string folder) =>
        Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
            .Concat(Directory.EnumerateDirectories(folder)
                .Where(d => Path.GetFileName(d) is not ("node_modules" or "bin" or "obj" or ".git"))
                .SelectMany(FileNames));

    [GeneratedRegex("`(?<code>[^`\n]+)`")]
    private static partial Regex Code();

    /// <summary>A relative path with a folder in it (<c>Endpoints/</c>, <c>docs/deployment.md</c>), or a file name with a source or doc extension.</summary>
    [GeneratedRegex(@"^(?:[\w.-]+/[\w./-]*|[\w.-]+\.(?:cs|razor|md|json|js|sh|css))$")]
    private static partial Regex RepositoryPath();
}
