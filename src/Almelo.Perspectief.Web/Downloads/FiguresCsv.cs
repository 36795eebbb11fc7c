using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Model;
using CsvHelper;

namespace Almelo.Perspectief.Web.Downloads;

/// <summary>
/// Every figure of a publication as CSV for Dutch Excel: semicolons, decimal commas, UTF-8 with a byte order mark,
/// and cells that a spreadsheet could take for a formula escaped.
/// </summary>
internal static class FiguresCsv
{
    public static readonly string[] Columns =
        ["id", "label", "waarde", "eenheid", "soort", "benadering", "weergave", "berekening", "bron", "bron_datum", "bron_geraadpleegd", "bron_url", "link"];

    public static byte[] Write(Publication publication, Uri page, Func<Source, Uri?> sourceAddress)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            Separator = ';',
            NewLine = "\r\n",
            WriteByteOrderMark = true,
            FormatProvider = TextFormat.Dutch.Culture,
            Injection = CsvInjection.Escape,
        };
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            csv.WriteRecord(Columns);
            foreach (var figure in publication.Figures)
            {
                csv.WriteRecord(Row(figure, page, sourceAddress));
            }
        }
        return stream.ToArray();
    }

    private static string[] Row(Figure figure, Uri page, Func<Source, Uri?> sourceAddress) =>
    [
        figure.Id,
        figure.Label,
        Math.Round(TextFormat.Rounded(figure), 4).ToString(TextFormat.Dutch.Culture),
        TextFormat.Dutch.UnitName(figure.Unit),
        figure.IsDerived ? "berekend" : "vermeld",
        TextFormat.Dutch.ApproximationWord(figure.Approximation),
        TextFormat.Dutch.InTable(figure),
        figure.IsDerived ? TextFormat.Dutch.Calculation(figure) : string.Empty,
        string.Join(" | ", figure.Sources.Select(s => s.Title)),
        string.Join(" | ", figure.Sources.Select(s => s.Date is { } date ? TextFormat.IsoDate(date) : string.Empty)),
        string.Join(" | ", figure.Sources.Select(s => s.Consulted is { } consulted ? TextFormat.IsoDate(consulted) : string.Empty)),
        string.Join(" | ", figure.Sources.Select(s => sourceAddress(s)?.ToString()).OfType<string>()),
        new Uri(page, "#" + Anchors.Figure(figure.Id)).ToString(),
    ];
}
