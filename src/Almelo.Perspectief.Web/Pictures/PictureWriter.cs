using System.Globalization;
using System.Text;
using System.Xml.Linq;
using SkiaSharp;

namespace Almelo.Perspectief.Web.Pictures;

/// <summary>Writes a <see cref="Drawing"/> as SVG (text stays text) or as PNG (drawn with the shipped font).</summary>
internal static class PictureWriter
{
    private const float StripeGap = 8;
    private const float StripeWidth = 3;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static byte[] ToSvg(Drawing drawing)
    {
        var patterns = drawing.Marks.OfType<BoxMark>().Where(b => b.Style.Striped).Select(b => b.Style.Colour).Distinct().ToList();
        var root = new XElement(
            Svg + "svg",
            new XAttribute("width", Number(drawing.Width)),
            new XAttribute("height", Number(drawing.Height)),
            new XAttribute("viewBox", $"0 0 {Number(drawing.Width)} {Number(drawing.Height)}"),
            new XAttribute("role", "img"),
            new XAttribute("font-family", $"'{PictureFont.Family}', Verdana, sans-serif"),
            new XElement(Svg + "title", drawing.Title),
            new XElement(Svg + "defs", patterns.Select(colour => new XElement(
                Svg + "pattern",
                new XAttribute("id", PatternId(colour)),
                new XAttribute("patternUnits", "userSpaceOnUse"),
                new XAttribute("width", Number(StripeGap)),
                new XAttribute("height", Number(StripeGap)),
                new XAttribute("patternTransform", "rotate(45)"),
                new XElement(Svg + "rect", new XAttribute("width", Number(StripeGap)), new XAttribute("height", Number(StripeGap)), new XAttribute("fill", colour)),
                new XElement(Svg + "rect", new XAttribute("width", Number(StripeWidth)), new XAttribute("height", Number(StripeGap)), new XAttribute("fill", "#ffffff"))))),
            new XElement(Svg + "rect", new XAttribute("width", "100%"), new XAttribute("height", "100%"), new XAttribute("fill", "#ffffff")),
            drawing.Marks.Select(mark => mark switch
            {
                BoxMark box => new XElement(
                    Svg + "rect",
                    new XAttribute("x", Number(box.X)),
                    new XAttribute("y", Number(box.Y)),
                    new XAttribute("width", Number(box.Width)),
                    new XAttribute("height", Number(box.Height)),
                    new XAttribute("fill", box.Style.Striped ? $"url(#{PatternId(box.Style.Colour)})" : box.Style.Colour)),
                TextMark text => new XElement(
                    Svg + "text",
                    new XAttribute("x", Number(text.X)),
                    new XAttribute("y", Number(text.Y)),
                    new XAttribute("font-size", Number(text.Size)),
                    text.Bold ? new XAttribute("font-weight", "bold") : null,
                    new XAttribute("fill", text.Colour),
                    text.Text),
                _ => throw new ArgumentOutOfRangeException(nameof(drawing), mark, "A mark the writer does not know."),
            }));
        return Encoding.UTF8.GetBytes(new XDocument(root).ToString(SaveOptions.DisableFormatting));
    }

    public static byte[] ToPng(Drawing drawing)
    {
        var info = new SKImageInfo((int)Math.Ceiling(drawing.Width), (int)Math.Ceiling(drawing.Height), SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true };
        foreach (var mark in drawing.Marks)
        {
            switch (mark)
            {
                case BoxMark box:
                    var rect = SKRect.Create(box.X, box.Y, box.Width, box.Height);
                    fill.Color = SKColor.Parse(box.Style.Colour);
                    canvas.DrawRect(rect, fill);
                    if (box.Style.Striped)
                    {
                        Stripes(canvas, rect);
                    }
                    break;
                case TextMark text:
                    using (var font = new SKFont(PictureFont.Face(text.Bold), text.Size) { Subpixel = true, Edging = SKFontEdging.Antialias })
                    {
                        fill.Color = SKColor.Parse(text.Colour);
                        canvas.DrawText(text.Text, text.X, text.Y, SKTextAlign.Left, font, fill);
                    }
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(drawing), mark, "A mark the writer does not know.");
            }
        }
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>White stripes at 45°, as the SVG pattern and the page's canvas draw them.</summary>
    private static void Stripes(SKCanvas canvas, SKRect rect)
    {
        using var stripe = new SKPaint { IsAntialias = true, Color = SKColors.White, StrokeWidth = StripeWidth, Style = SKPaintStyle.Stroke };
        canvas.Save();
        canvas.ClipRect(rect);
        for (var x = rect.Left - rect.Height; x < rect.Right; x += StripeGap * 1.414f)
        {
            canvas.DrawLine(x, rect.Bottom, x + rect.Height, rect.Top, stripe);
        }
        canvas.Restore();
    }

    private static string PatternId(string colour) => "strepen-" + colour.TrimStart('#');

    private static string Number(float value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
