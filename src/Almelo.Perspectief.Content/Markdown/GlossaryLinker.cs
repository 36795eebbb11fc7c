using System.Text.RegularExpressions;
using Almelo.Perspectief.Content.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>
/// Turns the first use of each glossary term in the text (in page order) into a link to its explanation.
/// Text in headings and in existing links is left alone.
/// </summary>
internal static class GlossaryLinker
{
    public static void Link(MarkdownDocument document, IReadOnlyList<Term> glossary, string pagePath)
    {
        var remaining = glossary.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (remaining.Count == 0)
            {
                return;
            }
            if (IsInHeadingOrLink(literal))
            {
                continue;
            }
            var current = literal;
            while (Find(current.Content.ToString(), remaining.Values) is var (term, index, length))
            {
                remaining.Remove(term.Id);
                var text = current.Content.ToString();
                var link = new LinkInline($"{pagePath}#{Anchors.Term(term.Id)}", string.Empty);
                link.GetAttributes().AddClass("begrip");
                link.AppendChild(new LiteralInline(text.Substring(index, length)));
                var after = new LiteralInline(text[(index + length)..]);
                current.Content = new Markdig.Helpers.StringSlice(text[..index]);
                current.InsertAfter(link);
                link.InsertAfter(after);
                current = after;
            }
        }
    }

    private static (Term Term, int Index, int Length)? Find(string text, IEnumerable<Term> terms)
    {
        (Term, int, int)? best = null;
        foreach (var term in terms)
        {
            // Longest form first, so that "besluitvormende vergadering" wins over "besluitvormend".
            foreach (var form in term.Forms.Prepend(term.Name).OrderByDescending(f => f.Length))
            {
                var match = Regex.Match(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(form)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
                if (match.Success && (best is null || match.Index < best.Value.Item2))
                {
                    best = (term, match.Index, match.Length);
                }
            }
        }
        return best;
    }

    private static bool IsInHeadingOrLink(Inline inline)
    {
        var root = inline.Parent;
        while (root is not null)
        {
            if (root is LinkInline)
            {
                return true;
            }
            if (root.Parent is null)
            {
                break;
            }
            root = root.Parent;
        }
        return root?.ParentBlock is HeadingBlock;
    }
}
