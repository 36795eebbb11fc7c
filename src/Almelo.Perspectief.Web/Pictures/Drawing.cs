using SkiaSharp;

namespace Almelo.Perspectief.Web.Pictures;

/// <summary>Something drawn on a picture.</summary>
internal abstract record Mark;

/// <summary>A line of text, <see cref="Y"/> being its baseline.</summary>
internal sealed record TextMark(float X, float Y, string Text, float Size, bool Bold, string Colour) : Mark;

/// <summary>A filled rectangle: a bar's segment, a legend swatch or a band of colour.</summary>
internal sealed record BoxMark(float X, float Y, float Width, float Height, ChartStyle Style) : Mark;

/// <summary>
/// A picture as marks on a white page of a fixed size, laid out once and then written as SVG or PNG, so that both
/// show the same. Text is measured with the shipped font (<see cref="PictureFont"/>), never a system font.
/// </summary>
internal sealed record Drawing(string Title, float Width, float Height, IReadOnlyList<Mark> Marks);

/// <summary>The shipped DejaVu Sans (Fonts/, with its licence), read once from the assembly.</summary>
internal static class PictureFont
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Face(bool bold) => bold ? BoldFace.Value : RegularFace.Value;

    public static float Measure(string text, float size, bool bold)
    {
        using var font = new SKFont(Face(bold), size);
        return font.MeasureText(text);
    }

    /// <summary>The text in lines no wider than the width, broken between words (a word longer than a line gets a line of its own).</summary>
    public static IReadOnlyList<string> Wrap(string text, float size, bool bold, float width)
    {
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var longer = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(longer, size, bold) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = longer;
            }
        }
        if (line.Length > 0)
        {
            lines.Add(line);
        }
        return lines;
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(PictureFont).Assembly.GetManifestResourceStream("Almelo.Perspectief.Web." + file)
            ?? throw new InvalidOperationException($"The font {file} is not in the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The font {file} cannot be read.");
    }
}

/// <summary>Marks placed from top to bottom, each block of text wrapped to the width left for it.</summary>
internal sealed class DrawingBuilder
{
    public const string Ink = "#1a1a1a";
    public const string Grey = "#4a4a4a";

    private readonly List<Mark> marks = [];
    private readonly float width;
    private readonly float margin;

    public DrawingBuilder(float width, float margin)
    {
        this.width = width;
        this.margin = margin;
        Y = margin;
    }

    public float Y { get; set; }

    public float Left => margin;

    public float Inner => width - (2 * margin);

    public IReadOnlyList<Mark> Marks => marks;

    public void Add(Mark mark) => marks.Add(mark);

    /// <summary>Wrapped text at the current height, at most <paramref name="maxLines"/> lines (the last one ending in "…" when cut).</summary>
    public void Text(string text, float size, bool bold = false, string colour = Ink, int maxLines = int.MaxValue, float? x = null, float? lineWidth = null)
    {
        var left = x ?? margin;
        var lines = PictureFont.Wrap(text, size, bold, lineWidth ?? (width - margin - left)).ToList();
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] += " …";
        }
        foreach (var line in lines)
        {
            Y += size * 1.3f;
            marks.Add(new TextMark(left, Y - (size * 0.3f), line, size, bold, colour));
        }
    }

    public Drawing Build(string title, float? height = null) => new(title, width, height ?? (Y + margin), marks);
}
