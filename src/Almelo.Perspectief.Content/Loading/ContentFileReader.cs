using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Loading;

/// <summary>Reads one content file with the limits and checks every file of its kind has: a JSON file against its schema, a text as UTF-8.</summary>
internal sealed class ContentFileReader(ContentFolder folder, List<ContentError> errors)
{
    /// <summary>A JSON content file: its value when it passed its schema, and the parsed file whenever it is valid JSON.</summary>
    public (T? Value, JsonDocumentSource? File) Json<T>(string relative, string schema, bool required)
        where T : class
    {
        if (!folder.Exists(relative))
        {
            if (required)
            {
                errors.Add(new ContentError(relative, 1, 1, $"Het bestand {Path.GetFileName(relative)} ontbreekt. Elke publicatie heeft er een."));
            }
            return (null, null);
        }
        if (folder.Read(relative, ContentLimits.MaxTextFileBytes, out var problem) is not { } bytes)
        {
            errors.Add(new ContentError(relative, 1, 1, problem ?? string.Empty));
            return (null, null);
        }
        var source = JsonDocumentSource.Parse(bytes, relative, errors);
        if (source is null)
        {
            return (null, null);
        }
        if (!ContentSchemas.Validate(source, schema, errors))
        {
            return (null, source);
        }
        source.CheckTexts(errors);
        return (source.Read<T>(errors), source);
    }

    /// <summary>A text file as UTF-8 with \n line ends (\r\n and a lone \r are read as one line end); invalid UTF-8 is an error, never replaced silently.</summary>
    public string? Text(string relative)
    {
        if (folder.Read(relative, ContentLimits.MaxTextFileBytes, out var problem) is not { } bytes)
        {
            errors.Add(new ContentError(relative, 1, 1, problem ?? string.Empty));
            return null;
        }
        return TextChecks.ValidUtf8(bytes, relative, errors) is { } text ? System.Text.Encoding.UTF8.GetString(text).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
    }
}
