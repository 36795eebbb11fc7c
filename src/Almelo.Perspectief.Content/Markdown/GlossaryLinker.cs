using Almelo.Perspectief.Content.Model;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Almelo.Perspectief.Content.Markdown;

/// <summary>
/// Turns the first use of each glossary term in the text (in page order) into a link to its explanation.
/// Text in headings and in existing links is left alone.
/// </summary>
/// <remarks>
/// All forms of all terms go into one letter tree, built once per text, that is walked from every place where a word
/// can start: the time grows with the length of the text (times the longest form), not with the number of terms,
/// so that a long glossary and a long text still load in seconds.
/// </remarks>
internal static class GlossaryLinker
{
    public static void Link(MarkdownDocument document, IReadOnlyList<Term> glossary, string pagePath)
    {
        var forms = new FormTree(glossary);
        var linked = new bool[glossary.Count];
        var remaining = glossary.Count;
        foreach (var literal in document.Descendants<LiteralInline>().ToList())
        {
            if (remaining == 0)
            {
                return;
            }
            if (IsInHeadingOrLink(literal))
            {
                continue;
            }
            var current = literal;
            while (forms.FirstMatch(current.Content.ToString(), linked) is var (termIndex, index, length))
            {
                linked[termIndex] = true;
                remaining--;
                var text = current.Content.ToString();
                var link = new LinkInline($"{pagePath}#{Anchors.Term(glossary[termIndex].Id)}", string.Empty);
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

    /// <summary>
    /// The forms of every term as a tree of lower-case letters: node 0 is the root, each edge one letter, and a node
    /// where a form ends lists which terms have that form. The edges of node n are
    /// <c>letters[first[n]..first[n + 1]]</c> (sorted) leading to <c>targets</c> at the same places, so that a step
    /// is an array read, not a hash.
    /// </summary>
    private sealed class FormTree
    {
        private readonly int[] first;
        private readonly char[] letters;
        private readonly int[] targets;
        private readonly List<int>?[] ends;

        public FormTree(IReadOnlyList<Term> glossary)
        {
            var edges = new Dictionary<(int Node, char Letter), int>();
            var terms = new List<List<int>?> { null };
            for (var term = 0; term < glossary.Count; term++)
            {
                foreach (var form in glossary[term].Forms.Prepend(glossary[term].Name).Where(f => f.Length > 0))
                {
                    var node = 0;
                    foreach (var letter in form)
                    {
                        if (!edges.TryGetValue((node, char.ToLowerInvariant(letter)), out var next))
                        {
                            next = terms.Count;
                            terms.Add(null);
                            edges[(node, char.ToLowerInvariant(letter))] = next;
                        }
                        node = next;
                    }
                    (terms[node] ??= []).Add(term);
                }
            }
            ends = [.. terms];
            var sorted = edges.OrderBy(e => e.Key.Node).ThenBy(e => e.Key.Letter).ToList();
            letters = [.. sorted.Select(e => e.Key.Letter)];
            targets = [.. sorted.Select(e => e.Value)];
            first = new int[ends.Length + 1];
            foreach (var edge in sorted)
            {
                first[edge.Key.Node + 1]++;
            }
            for (var node = 0; node < ends.Length; node++)
            {
                first[node + 1] += first[node];
            }
        }

        private int Step(int node, char letter)
        {
            letter = char.ToLowerInvariant(letter);
            var (low, high) = (first[node], first[node + 1] - 1);
            while (low <= high)
            {
                var middle = (low + high) / 2;
                if (letters[middle] == letter)
                {
                    return targets[middle];
                }
                (low, high) = letters[middle] < letter ? (middle + 1, high) : (low, middle - 1);
            }
            return -1;
        }

        /// <summary>
        /// The first place in the text where a form of a term not yet linked stands as a whole word (no letter or
        /// digit right before or after it). Where several terms start at that place, the one listed first in the
        /// glossary wins; of its forms there, the longest.
        /// </summary>
        public (int Term, int Index, int Length)? FirstMatch(string text, bool[] linked)
        {
            for (var start = 0; start < text.Length; start++)
            {
                if (start > 0 && IsWordCharacter(text[start - 1]))
                {
                    continue;
                }
                var best = (Term: int.MaxValue, Length: 0);
                var node = 0;
                for (var at = start; at < text.Length && (node = Step(node, text[at])) >= 0; at++)
                {
                    if (ends[node] is not { } terms || at + 1 < text.Length && IsWordCharacter(text[at + 1]))
                    {
                        continue;
                    }
                    foreach (var term in terms)
                    {
                        if (!linked[term] && term <= best.Term)
                        {
                            best = (term, at + 1 - start);
                        }
                    }
                }
                if (best.Length > 0)
                {
                    return (best.Term, start, best.Length);
                }
            }
            return null;
        }

        private static bool IsWordCharacter(char c) => char.IsLetter(c) || char.IsNumber(c);
    }
}
