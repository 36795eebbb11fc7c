namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// A throw-away copy of content to test against, with edits applied. Tests run on the reference content
/// (<c>Fixtures/referentie</c>, a frozen copy of the Perspectiefnota as first published), so that an editor who
/// corrects a figure in <c>content/</c> does not break them; <see cref="LiveContent"/> is checked on its own.
/// Each broken fixture is the reference content with one deliberate mistake, so a test names exactly one rule.
/// </summary>
public sealed class ContentFixture : IDisposable
{
    public const string Slug = "perspectiefnota-2026-2029";

    private ContentFixture(string source)
    {
        Root = Path.Combine(Path.GetTempPath(), "almelo-inhoud-test", Guid.NewGuid().ToString("N"));
        Copy(source, Root);
    }

    public string Root { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The content the site ships with, as editors leave it.</summary>
    public static string LiveContent => Path.Combine(RepositoryRoot, "content");

    /// <summary>The frozen reference content the tests assert facts on.</summary>
    public static string ReferenceContent => Path.Combine(AppContext.BaseDirectory, "Fixtures", "referentie");

    /// <summary>A copy of the reference content.</summary>
    public static ContentFixture Reference() => new(ReferenceContent);

    /// <summary>The reference content with an outcome at the last meeting, from a (made-up) source of its own.</summary>
    public static ContentFixture WithOutcome() => Reference()
        .Replace(Slug + "/publicatie.json", "\"bronnen\": [", "\"bronnen\": [\n    { \"id\": \"raadsbesluit\", \"titel\": \"Besluit (voorbeeld)\", \"uitgever\": \"Gemeenteraad Almelo\", \"datum\": \"2025-07-10\", \"url\": \"https://raad.example.org/besluit\", \"geraadpleegd\": \"2025-07-10\" },")
        .Replace(Slug + "/vergaderingen.json", "\"id\": \"besluitvorming-2025-07-10\",", "\"id\": \"besluitvorming-2025-07-10\",\n      \"uitkomst\": { \"tekst\": \"De raad stemde in met de nota (voorbeeld).\", \"besluit\": \"https://raad.example.org/besluit\", \"bron\": \"raadsbesluit\" },");

    /// <summary>A copy of the content the site ships with.</summary>
    public static ContentFixture Live() => new(LiveContent);

    /// <summary>A copy of a fixture folder under <c>Fixtures/</c>.</summary>
    public static ContentFixture FromFixture(string name) => new(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Replaces exactly one occurrence of <paramref name="find"/>; fails when the text is not there (the fixture would test nothing).</summary>
    public ContentFixture Replace(string relative, string find, string replacement)
    {
        var path = PathOf(relative);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(find, StringComparison.Ordinal);
        if (index < 0)
        {
            throw new InvalidOperationException($"'{find}' does not occur in {relative}.");
        }
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), replacement, text.AsSpan(index + find.Length)));
        return this;
    }

    public ContentFixture Write(string relative, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(relative))!);
        File.WriteAllText(PathOf(relative), text);
        return this;
    }

    /// <summary>The 1-based line on which <paramref name="text"/> first occurs in a file, for asserting error positions.</summary>
    public int LineOf(string relative, string text, int occurrence = 1)
    {
        var matches = File.ReadAllLines(PathOf(relative))
            .Select((line, index) => (line, index))
            .Where(l => l.line.Contains(text, StringComparison.Ordinal))
            .ToList();
        return matches.Count < occurrence
            ? throw new InvalidOperationException($"'{text}' does not occur {occurrence} time(s) in {relative}.")
            : matches[occurrence - 1].index + 1;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.GetDirectories(from))
        {
            Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Almelo.Perspectief.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Repository root (Almelo.Perspectief.sln) not found above " + AppContext.BaseDirectory);
    }
}
