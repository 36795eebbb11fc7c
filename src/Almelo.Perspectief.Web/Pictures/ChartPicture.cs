using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Pictures;

/// <summary>
/// A chart as a picture for journalists: "Gemeente Almelo", the title, the sentence, the bars with their lines of text,
/// the axis (and where it starts), the legend and the source line, drawn from the same <see cref="ChartModel"/> as the
/// page's canvas. Its height follows its text.
/// </summary>
internal static class ChartPicture
{
    public const float Width = 960;
    private const float Margin = 40;
    private const float BarHeight = 36;
    public const string Red = "#a4001d";

    public static Drawing Draw(Publication publication, ChartModel model)
    {
        var builder = new DrawingBuilder(Width, Margin);
        builder.Text(publication.Publisher, 18, bold: true, colour: Red);
        builder.Y += 8;
        builder.Text(model.Chart.Title, 28, bold: true);
        builder.Y += 4;
        builder.Text(model.Chart.Summary, 18, colour: DrawingBuilder.Grey);
        builder.Y += 20;
        Bars(builder, model, 18, BarHeight, int.MaxValue);
        Ticks(builder, model);
        if (model.AxisNote is { } note)
        {
            builder.Y += 8;
            builder.Text(note, 16);
        }
        foreach (var entry in model.Legend)
        {
            builder.Y += 10;
            var top = builder.Y;
            builder.Add(new BoxMark(builder.Left, top + 3, 20, 20, ChartStyles.Of(entry.Style)));
            builder.Text(entry.Text, 17, x: builder.Left + 30);
        }
        builder.Y += 24;
        builder.Text(model.SourceLine, 15, colour: DrawingBuilder.Grey);
        return builder.Build($"{model.Chart.Title} ({publication.Publisher})");
    }

    /// <summary>Each bar under its line of text, its segments placed on the axis; stops before <paramref name="bottom"/>.</summary>
    public static void Bars(DrawingBuilder builder, ChartModel model, float size, float height, float bottom)
    {
        foreach (var bar in model.Bars)
        {
            if (builder.Y + (size * 1.3f) + height > bottom)
            {
                return;
            }
            builder.Text(bar.Text, size, maxLines: 2);
            builder.Y += 6;
            var total = 0m;
            foreach (var segment in bar.Segments)
            {
                var from = (float)model.Axis.Position(total);
                total += segment.Value;
                var to = (float)model.Axis.Position(total);
                if (to > from)
                {
                    builder.Add(new BoxMark(builder.Left + (from * builder.Inner), builder.Y, (to - from) * builder.Inner, height, ChartStyles.Of(segment.Style)));
                }
            }
            builder.Y += height + 14;
        }
    }

    private static void Ticks(DrawingBuilder builder, ChartModel model)
    {
        var ticks = model.Axis.Ticks.ToList();
        if (ticks.Count == 0)
        {
            return;
        }
        builder.Add(new BoxMark(builder.Left, builder.Y - 10, builder.Inner, 1, new ChartStyle(DrawingBuilder.Grey, false)));
        foreach (var tick in ticks)
        {
            var text = TextFormat.For(model.Language).Number(tick);
            var x = builder.Left + ((float)model.Axis.Position(tick) * builder.Inner);
            var width = PictureFont.Measure(text, 15, false);
            builder.Add(new BoxMark(x, builder.Y - 10, 1, 6, new ChartStyle(DrawingBuilder.Grey, false)));
            builder.Add(new TextMark(Math.Clamp(x - (width / 2), builder.Left, builder.Left + builder.Inner - width), builder.Y + 10, text, 15, false, DrawingBuilder.Grey));
        }
        builder.Y += 16;
    }
}
