using System.Globalization;
using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>A section as written in tekst.md: its declared id, its heading and its rendered body.</summary>
internal sealed record SectionText(string Id, string Title, int Line, string Html);

/// <summary>
/// Reads a publication's Markdown: one <c>## Kop {#id}</c> per section, figures as <c>{cijfer:id}</c>.
/// Raw HTML and unsafe links are errors; the rendered HTML is sanitised as well, in case one slips through.
/// </summary>
internal static partial class SectionTextReader
{
    private static readonly string[] Weekdays = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];

    private static readonly string[] Months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    [GeneratedRegex(@"\b(?<weekday>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+(?<day>\d{1,2})\b(?=[^.]{0,40}?\b(?<month>januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\b(\s+(?<year>\d{4}))?)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex WrittenDate();

    /// <summary>
    /// The sections of the text, or null (with an error) when the text as a whole could not be read (a line too long,
    /// nesting too deep): then nothing in it can be checked against the other files either.
    /// </summary>
    public static IReadOnlyList<SectionText>? Read(
        string markdown,
        string file,
        int defaultYear,
        Func<string, Figure?> lookup,
        TextFormat format,
        IReadOnlyList<Term> glossary,
        KnownIds known,
        IReadOnlySet<string> anchors,
        IReadOnlySet<string>? statusSentences,
        ICollection<ContentError> errors)
    {
        var lines = markdown.Split('\n');
        var pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Use(new PlaceholderExtension(lookup, format)).Build();
        if (!CheckLines(lines, file, errors) || Parse(markdown, lines, pipeline, file, errors) is not { } document)
        {
            return null;
        }
        if (TooDeep(document) is { } deep)
        {
            errors.Add(Error(file, deep, $"Hier staan meer dan {ContentLimits.MaxNesting} citaten (>), lijsten, links of stukken opmaak (* of _) in elkaar. Haal de nesting weg; één of twee niveaus is genoeg."));
            return null;
        }

        CheckInlines(document, file, known, statusSentences, errors);
        CheckWrittenDates(lines, file, defaultYear, errors);

        var sections = new List<SectionText>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        HeadingBlock? current = null;
        string? id = null;
        string title = string.Empty;
        var body = new List<Block>();
        var bodies = new Dictionary<string, List<Block>>(StringComparer.Ordinal);

        void Close()
        {
            if (current is not null && id is not null)
            {
                sections.Add(new SectionText(id, title, current.Line + 1, string.Empty));
                bodies[id] = [.. body];
            }
            body.Clear();
        }

        foreach (var block in document)
        {
            if (block is HtmlBlock html)
            {
                errors.Add(Error(file, html, HtmlMessage(html.Lines.ToString())));
                continue;
            }
            if (block is HeadingBlock { IsSetext: true } setext)
            {
                errors.Add(Error(file, setext, "Deze regel met alleen streepjes (---) of isgelijktekens (===) maakt van de regel erboven een kop, zonder id. Wilt u een kop, schrijf dan ## Titel {#id} op één regel. Wilt u een lijn, zet dan een lege regel boven de streepjes."));
                continue;
            }
            if (block is HeadingBlock { Level: 1 } h1)
            {
                errors.Add(Error(file, h1, "Een kop met één # is niet toegestaan: de titel van de pagina staat in publicatie.json. Begin een onderdeel met ## Kop {#id}."));
                continue;
            }
            if (block is not HeadingBlock { Level: 2 } heading)
            {
                if (current is null)
                {
                    errors.Add(Error(file, block, "Deze tekst staat vóór het eerste onderdeel. Zet er een kop boven, bijvoorbeeld: ## Titel {#mijn-onderdeel}"));
                }
                else
                {
                    body.Add(block);
                }
                continue;
            }

            Close();
            current = heading;
            (title, id) = HeadingParts(lines[heading.Line]);
            // An unknown {cijfer:id} in the heading is reported with the other inlines.
            title = FigureTemplate.Fill(title, lookup, format);
            if (id is null)
            {
                errors.Add(Error(file, heading, $"De kop '{title}' heeft geen id. Zet er een id achter, bijvoorbeeld: ## {title} {{#mijn-onderdeel}}"));
            }
            else if (!Anchors.IsId(id))
            {
                errors.Add(Error(file, heading, $"Het id '{id}' mag alleen kleine letters, cijfers en streepjes bevatten, zonder spaties."));
                id = null;
            }
            else if (Anchors.IsReserved(id))
            {
                errors.Add(Error(file, heading, $"Het id '{id}' gebruikt de site zelf al. Kies een ander id."));
                id = null;
            }
            else if (!ids.Add(id))
            {
                errors.Add(Error(file, heading, $"Het id '{id}' komt twee keer voor. Elk onderdeel heeft een eigen id."));
                id = null;
            }
        }
        Close();

        CheckFragments(document, file, anchors.Concat(sections.Select(s => s.Id)).ToHashSet(StringComparer.Ordinal), errors);

        // The page has <base href="/">: a link within the page needs the page's path (the file's folder is the slug, under
        // the language's prefix), or it leads to the home page.
        var pagePath = format.Language.PathPrefix + "/" + file.Split('/')[0];
        foreach (var link in document.Descendants<LinkInline>().Where(l => l.Url?.StartsWith('#') == true))
        {
            link.Url = pagePath + link.Url;
        }
        GlossaryLinker.Link(document, glossary, pagePath);
        sections = sections.Select(s => s with { Html = Render(bodies[s.Id], pipeline) }).ToList();
        if (sections.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ContentError(file, 1, 1, "De tekst heeft geen onderdelen. Begin elk onderdeel met ## Kop {#id}."));
        }
        return sections;
    }

    /// <summary>
    /// The Markdown document; null, with an error, when Markdig refuses nesting beyond its limit (dozens of list levels
    /// built up over several lines). Markdig does not say where: a beginning of the text fails from that line on, so
    /// halving finds the line in a few more parses.
    /// </summary>
    private static MarkdownDocument? Parse(string markdown, string[] lines, MarkdownPipeline pipeline, string file, ICollection<ContentError> errors)
    {
        if (TryParse(markdown, pipeline) is { } document)
        {
            return document;
        }
        var (good, bad) = (0, lines.Length);
        while (bad - good > 1)
        {
            var middle = (good + bad) / 2;
            if (TryParse(string.Join('\n', lines[..middle]), pipeline) is null)
            {
                bad = middle;
            }
            else
            {
                good = middle;
            }
        }
        errors.Add(new ContentError(file, bad, 1, "Hier staan te veel citaten (>) of lijsten in elkaar. Haal de nesting weg; één of twee niveaus is genoeg."));
        return null;
    }

    private static MarkdownDocument? TryParse(string markdown, MarkdownPipeline pipeline)
    {
        try
        {
            return Markdig.Markdown.Parse(markdown, pipeline);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The first place (in reading order) with more than <see cref="ContentLimits.MaxNesting"/> quotes, lists, links,
    /// emphasis and unclosed brackets inside one another, or null. Markdig reads such text but cannot write it out (and stops with an
    /// exception); emphasis can be nested over many lines, so no check per line finds it.
    /// </summary>
    private static MarkdownObject? TooDeep(MarkdownDocument document)
    {
        var stack = new Stack<(MarkdownObject Node, int Depth)>();
        stack.Push((document, 0));
        while (stack.TryPop(out var item))
        {
            // Every inline container counts, not only emphasis and links: an unclosed "[" stays a delimiter that holds
            // the rest of its line, and Markdig writes each one out inside the one before.
            var depth = item.Depth + (item.Node is QuoteBlock or ListBlock or ContainerInline { Parent: not null } ? 1 : 0);
            if (depth > ContentLimits.MaxNesting)
            {
                return item.Node;
            }
            IEnumerable<MarkdownObject> children = item.Node switch
            {
                ContainerBlock blocks => blocks,
                LeafBlock { Inline: { } inline } => [inline],
                ContainerInline inlines => inlines,
                _ => [],
            };
            foreach (var child in children.Reverse())
            {
                stack.Push((child, depth));
            }
        }
        return null;
    }

    /// <summary>
    /// Splits a heading line <c>## Title {#id} ##</c> into its title and id (null when there is none), in one pass
    /// from the end: editors paste long runs of spaces from Word or PDF, so no backtracking pattern reads this.
    /// </summary>
    internal static (string Title, string? Id) HeadingParts(string line)
    {
        var text = line.AsSpan().TrimEnd('\r');
        var indent = text.Length - text.TrimStart(' ').Length;
        text = text[Math.Min(indent, 3)..];
        if (!text.StartsWith("##") || text.Length < 3 || !char.IsWhiteSpace(text[2]))
        {
            return (string.Empty, null);
        }
        text = text[2..].Trim().TrimEnd('#').TrimEnd();
        string? id = null;
        if (text.EndsWith('}') && text.LastIndexOf("{#") is var open and >= 0 && !text[(open + 2)..^1].Contains('}'))
        {
            id = text[(open + 2)..^1].ToString();
            text = text[..open].TrimEnd();
        }
        return (text.ToString(), id);
    }

    /// <summary>Lines too long to read in time, and invisible characters that change how the text reads, are errors.</summary>
    private static bool CheckLines(string[] lines, string file, ICollection<ContentError> errors)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length > ContentLimits.MaxLineLength)
            {
                errors.Add(new ContentError(file, i + 1, 1, $"Deze regel is te lang ({TextChecks.Format(lines[i].Length)} tekens). Een regel mag hoogstens {TextChecks.Format(ContentLimits.MaxLineLength)} tekens hebben: begin een nieuwe alinea met een lege regel."));
                return false;
            }
            if (Nesting(lines[i]) > ContentLimits.MaxNesting)
            {
                errors.Add(new ContentError(file, i + 1, 1, $"Hier staan meer dan {ContentLimits.MaxNesting} citaten (>) of lijsten in elkaar. Haal de nesting weg; één of twee niveaus is genoeg."));
                return false;
            }
            if (TextChecks.FindInvisible(lines[i]) is var at and >= 0)
            {
                errors.Add(new ContentError(file, i + 1, at + 1, TextChecks.InvisibleMessage(lines[i][at])));
            }
        }
        return true;
    }

    /// <summary>How many quote markers (&gt;) and list markers (-, *, +, 1., 1)) open a line, one inside the other.</summary>
    private static int Nesting(string line)
    {
        var depth = 0;
        var i = 0;
        while (i < line.Length)
        {
            if (line[i] is ' ' or '\t')
            {
                i++;
                continue;
            }
            var marker = MarkerLength(line, i);
            if (marker == 0)
            {
                break;
            }
            depth++;
            i += marker;
        }
        return depth;
    }

    /// <summary>The length of the quote or list marker at a place in a line ("&gt;", "- ", "12. ", "3) "), or 0 when there is none.</summary>
    private static int MarkerLength(string line, int at)
    {
        if (line[at] == '>')
        {
            return 1;
        }
        var end = at;
        while (end < line.Length && end - at < 9 && char.IsAsciiDigit(line[end]))
        {
            end++;
        }
        if (end > at && end < line.Length && line[end] is '.' or ')' || end == at && line[at] is '-' or '*' or '+')
        {
            end++;
            return end < line.Length && line[end] is ' ' or '\t' ? end + 1 - at : 0;
        }
        return 0;
    }

    /// <summary>Null <paramref name="statusSentences"/>: publicatie.json could not be read, so a sentence name cannot be checked.</summary>
    private static void CheckInlines(MarkdownDocument document, string file, KnownIds known, IReadOnlySet<string>? statusSentences, ICollection<ContentError> errors)
    {
        foreach (var inline in document.Descendants<Inline>())
        {
            switch (inline)
            {
                case HtmlInline html:
                    errors.Add(Error(file, html, HtmlMessage(html.Tag)));
                    break;
                case LinkInline { IsImage: true } image when IsSafeUrl(image.Url) && image.Url?.StartsWith('/') != true:
                    errors.Add(Error(file, image, $"De afbeelding '{image.Url}' staat op een andere website. Die laat de site niet zien (ook om bezoekers niet te laten volgen). Zet de afbeelding in de map van de publicatie, of maak er een gewone link van."));
                    break;
                case LinkInline link when !IsSafeUrl(link.Url):
                    errors.Add(Error(file, link, $"De link '{link.Url}' is niet toegestaan. Gebruik een webadres dat begint met https:// of http://, of een link binnen de pagina (#id)."));
                    break;
                case AutolinkInline autolink when !autolink.IsEmail && !IsSafeUrl(autolink.Url):
                    errors.Add(Error(file, autolink, $"De link '{autolink.Url}' is niet toegestaan. Gebruik een webadres dat begint met https://."));
                    break;
                case PlaceholderInline { Prefix: FigureTemplate.Prefix } figure when known.IsMissingFigure(figure.Name):
                    errors.Add(Error(file, figure, $"Het cijfer '{figure.Name}' bestaat niet in cijfers.json. Controleer de spelling van {{cijfer:{figure.Name}}}."));
                    break;
                case PlaceholderInline { Prefix: StatusSentences.Prefix } sentence when statusSentences is not null && !statusSentences.Contains(sentence.Name):
                    errors.Add(Error(file, sentence, statusSentences.Count == 0
                        ? $"{{status:{sentence.Name}}} kan de site niet invullen: publicatie.json heeft bij \"status\" geen \"zinnen\". Zet de zin daar, met een tekst voor elke stap van het besluit (zie de inhoudsgids, hoofdstuk \"Een vergadering toevoegen\")."
                        : $"{{status:{sentence.Name}}} kan de site niet invullen: bij \"status\" → \"zinnen\" in publicatie.json staat geen zin '{sentence.Name}'. Gebruik een van: {string.Join(", ", statusSentences.Order(StringComparer.Ordinal))}."));
                    break;
            }
        }
    }

    private static void CheckFragments(MarkdownDocument document, string file, HashSet<string> anchors, ICollection<ContentError> errors)
    {
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (link.Url is ['#', .. var fragment] && !anchors.Contains(fragment))
            {
                errors.Add(Error(file, link, $"De link naar '#{fragment}' gaat nergens heen: er is geen onderdeel of cijfer met dat id op deze pagina."));
            }
        }
    }

    private static void CheckWrittenDates(string[] lines, string file, int defaultYear, ICollection<ContentError> errors)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            foreach (Match match in WrittenDate().Matches(lines[i]))
            {
                var weekday = match.Groups["weekday"].Value.ToLowerInvariant();
                var day = int.Parse(match.Groups["day"].Value, CultureInfo.InvariantCulture);
                var month = Array.IndexOf(Months, match.Groups["month"].Value.ToLowerInvariant()) + 1;
                var year = match.Groups["year"].Success ? int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture) : defaultYear;
                if (year is < 1 or > 9999)
                {
                    continue;
                }
                var written = $"{match.Value} {match.Groups["month"].Value}";
                if (day > DateTime.DaysInMonth(year, month))
                {
                    errors.Add(new ContentError(file, i + 1, match.Index + 1, $"'{written}' bestaat niet: {Months[month - 1]} {year} heeft {DateTime.DaysInMonth(year, month)} dagen."));
                    continue;
                }
                var actual = Weekdays[(int)new DateOnly(year, month, day).DayOfWeek];
                if (actual != weekday)
                {
                    errors.Add(new ContentError(file, i + 1, match.Index + 1, $"'{written}' klopt niet: {day} {Months[month - 1]} {year} is een {actual}. Verbeter de dag of de datum."));
                }
            }
        }
    }

    private static bool IsSafeUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return false;
        }
        if (url.StartsWith('#') || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return true;
        }
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeMailto);
    }

    private static string HtmlMessage(string html) => html.Contains("<script", StringComparison.OrdinalIgnoreCase)
        ? "Een <script> is niet toegestaan in de tekst. Haal het weg."
        : $"HTML is niet toegestaan in de tekst ({Shorten(html)}). Gebruik gewone tekst of Markdown, bijvoorbeeld **vet** of [link](https://...).";

    private static string Shorten(string text)
    {
        var oneLine = text.ReplaceLineEndings(" ").Trim();
        return oneLine.Length <= 40 ? oneLine : oneLine[..40] + "…";
    }

    private static ContentError Error(string file, MarkdownObject node, string message) => new(file, node.Line + 1, node.Column + 1, message);

    private static string Render(IEnumerable<Block> blocks, MarkdownPipeline pipeline)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        var renderer = new HtmlRenderer(writer);
        pipeline.Setup(renderer);
        foreach (var block in blocks)
        {
            renderer.Render(block);
        }
        writer.Flush();
        return Sanitizer.Sanitize(writer.ToString());
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedTags.Add("data");
        sanitizer.AllowedAttributes.Add("value");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedAttributes.Remove("style");
        return sanitizer;
    }
}
