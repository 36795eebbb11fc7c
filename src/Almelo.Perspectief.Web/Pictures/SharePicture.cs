using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Web.Pictures;

/// <summary>
/// The picture social media show when the publication is shared (1200×630, as they ask): the publisher, the title and
/// the publication's first distribution chart (or else its first chart, or else its summary), with the chart's source
/// line; and the text that describes it. Both are made from the figures, so that a changed figure changes them.
/// </summary>
internal static class SharePicture
{
    public const int Width = 1200;
    public const int Height = 630;
    private const float Margin = 60;

    public static Drawing Draw(Publication publication)
    {
        var builder = new DrawingBuilder(Width, Margin);
        builder.Add(new BoxMark(0, 0, Width, 84, new ChartStyle(ChartPicture.Red, false)));
        builder.Y = 18;
        builder.Text(publication.Publisher, 30, bold: true, colour: "#ffffff", maxLines: 1);
        builder.Y = 110;
        builder.Text(publication.Title, 56, bold: true, maxLines: 2);
        if (Chart(publication) is { } model)
        {
            var source = PictureFont.Wrap(model.SourceLine, 20, false, builder.Inner).Take(2).Count();
            var bottom = Height - 30 - (source * 26);
            builder.Y += 16;
            builder.Text(model.Chart.Title, 34, bold: true, maxLines: 2);
            builder.Y += 14;
            ChartPicture.Bars(builder, model, 26, 40, bottom);
            builder.Y = bottom;
            builder.Text(model.SourceLine, 20, colour: DrawingBuilder.Grey, maxLines: 2);
        }
        else
        {
            builder.Y += 16;
            builder.Text(publication.Summary, 32, maxLines: 6);
        }
        return builder.Build(Alt(publication), Height);
    }

    /// <summary>The share picture in words: its og:image:alt.</summary>
    public static string Alt(Publication publication) => Chart(publication) is { } model
        ? $"{publication.Title}, {publication.Publisher}. {model.Chart.Title}: {string.Join(", ", model.Bars.Select(b => b.Text))}."
        : $"{publication.Title}, {publication.Publisher}. {publication.Summary}";

    private static ChartModel? Chart(Publication publication) =>
        (publication.Charts.FirstOrDefault(c => c.Kind == ChartKind.Verdeling) ?? (publication.Charts.Count > 0 ? publication.Charts[0] : null)) is { } chart
            ? new ChartModel(chart, publication.Language)
            : null;
}
