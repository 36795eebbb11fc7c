using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Figures;

/// <summary>Reads the charts of cijfers.json and checks that every figure they show exists and adds up.</summary>
internal static class ChartReader
{
    public static IReadOnlyList<Chart> Read(IReadOnlyList<GrafiekFile> grafieken, IReadOnlyList<Figure> figures, KnownIds known, JsonDocumentSource file, ICollection<ContentError> errors)
    {
        var charts = new List<Chart>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < grafieken.Count; i++)
        {
            var g = grafieken[i];
            var at = $"/grafieken/{i}";
            var before = errors.Count;
            var incomplete = false;
            if (!ids.Add(g.Id))
            {
                errors.Add(file.ErrorAt(at + "/id", $"De grafiek-id '{g.Id}' komt twee keer voor."));
            }

            Figure? Find(string id, string pointer)
            {
                var figure = figures.FirstOrDefault(f => f.Id == id);
                if (figure is null)
                {
                    incomplete = true;
                    if (known.IsMissingFigure(id))
                    {
                        errors.Add(file.ErrorAt(pointer, $"Het cijfer '{id}' bestaat niet. Gebruik een id uit \"cijfers\"."));
                    }
                }
                return figure;
            }

            foreach (var (field, text) in new[] { ("titel", g.Titel), ("samenvatting", g.Samenvatting) })
            {
                foreach (var reference in FigureTemplate.References(text).Where(known.IsMissingFigure))
                {
                    errors.Add(file.ErrorAt($"{at}/{field}", $"Het cijfer '{reference}' in {{cijfer:{reference}}} bestaat niet."));
                }
            }

            var parts = (g.Delen ?? []).Select((d, j) => (d.Label, Figure: Find(d.Cijfer, $"{at}/delen/{j}/cijfer"))).ToList();
            var total = g.Totaal is null ? null : Find(g.Totaal, at + "/totaal");
            var categories = g.Categorieen ?? [];
            var series = new List<ChartSeries>();
            for (var s = 0; s < (g.Reeksen?.Count ?? 0); s++)
            {
                var reeks = g.Reeksen![s];
                if (reeks.Cijfers.Count != categories.Count)
                {
                    errors.Add(file.ErrorAt($"{at}/reeksen/{s}/cijfers", $"De reeks '{reeks.Label}' heeft {reeks.Cijfers.Count} cijfers, maar er zijn {categories.Count} categorieën. Zet null waar geen cijfer hoort."));
                }
                series.Add(new ChartSeries(reeks.Label, reeks.Cijfers.Select((c, j) => c is null ? null : Find(c, $"{at}/reeksen/{s}/cijfers/{j}")).ToList()));
            }

            if (g.Soort == ChartKind.Verdeling && total is not null && total.Value.ToDecimal() <= 0)
            {
                // The page shows each part as a share of the total: a total of 0 has no shares.
                errors.Add(file.ErrorAt(at + "/totaal", $"Het totaal '{total.Id}' van deze verdeling is 0. Een verdeling laat delen van een totaal zien; geef het totaal zijn echte waarde."));
            }
            else if (g.Soort == ChartKind.Verdeling && total is not null && parts.Select(p => p.Figure).OfType<Figure>().ToList() is { Count: > 0 } partFigures && partFigures.Count == parts.Count)
            {
                CheckSum(partFigures, total, at, file, errors);
            }

            if (errors.Count == before && !incomplete)
            {
                charts.Add(new Chart(
                    g.Id,
                    g.Soort,
                    FigureTemplate.Fill(g.Titel, Lookup, TextFormat.Dutch),
                    FigureTemplate.Fill(g.Samenvatting, Lookup, TextFormat.Dutch),
                    parts.Select(p => p.Figure is { } figure ? new ChartPart(p.Label, figure) : null).OfType<ChartPart>().ToList(),
                    total,
                    categories,
                    series));
            }
        }
        return charts;

        Figure? Lookup(string id) => figures.FirstOrDefault(f => f.Id == id);
    }

    private static void CheckSum(List<Figure> parts, Figure total, string at, JsonDocumentSource file, ICollection<ContentError> errors)
    {
        Rational sum;
        try
        {
            sum = parts.Skip(1).Aggregate(parts[0].Value, (a, p) => a + p.Value);
            _ = sum.ToDecimal();
        }
        catch (OverflowException)
        {
            errors.Add(file.ErrorAt(at + "/delen", "De delen tellen op tot een getal dat te groot is om mee te rekenen. Controleer de cijfers van de delen."));
            return;
        }
        if (sum.ToDecimal() != total.Value.ToDecimal())
        {
            errors.Add(file.ErrorAt(at + "/delen", $"De delen tellen op tot {TextFormat.Dutch.Number(sum.ToDecimal())}, maar het totaal '{total.Id}' is {TextFormat.Dutch.Number(total.Value.ToDecimal())}. Ze moeten gelijk zijn."));
        }
    }
}
