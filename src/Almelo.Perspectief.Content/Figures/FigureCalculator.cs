using Almelo.Perspectief.Content.Formatting;
using Almelo.Perspectief.Content.Loading;
using Almelo.Perspectief.Content.Model;

namespace Almelo.Perspectief.Content.Figures;

/// <summary>
/// Turns the figures of <c>cijfers.json</c> into <see cref="Figure"/>s: stated ones as written, derived ones
/// computed from the figures they name, exactly (as fractions) and in dependency order. Figures in
/// <paramref name="rejected"/> already have an error where they are written: they fail, and so does every figure
/// computed from them, without a second error elsewhere.
/// </summary>
internal sealed class FigureCalculator(JsonDocumentSource file, IReadOnlyDictionary<string, Source>? sources, ICollection<ContentError> errors, IReadOnlySet<string> rejected)
{
    private readonly Dictionary<string, Figure> done = new(StringComparer.Ordinal);
    private readonly HashSet<string> inProgress = new(StringComparer.Ordinal);
    private readonly HashSet<string> failed = new(rejected, StringComparer.Ordinal);
    private readonly Dictionary<string, int> depths = new(StringComparer.Ordinal);
    private Dictionary<string, (CijferFile Cijfer, int Index)> declared = [];

    public IReadOnlyList<Figure> Calculate(IReadOnlyList<CijferFile> cijfers)
    {
        declared = [];
        if (cijfers.Count > ContentLimits.MaxFigures)
        {
            errors.Add(file.ErrorAt("/cijfers", $"Er staan {cijfers.Count} cijfers in dit bestand; het mogen er hoogstens {ContentLimits.MaxFigures} zijn. Haal cijfers weg die de pagina niet toont."));
            return [];
        }
        for (var i = 0; i < cijfers.Count; i++)
        {
            if (!declared.TryAdd(cijfers[i].Id, (cijfers[i], i)))
            {
                errors.Add(file.ErrorAt($"/cijfers/{i}/id", $"Het cijfer-id '{cijfers[i].Id}' komt twee keer voor. Geef elk cijfer een eigen id."));
            }
        }

        var result = new List<Figure>();
        for (var i = 0; i < cijfers.Count; i++)
        {
            if (Resolve(cijfers[i].Id, i) is { } figure && declared[cijfers[i].Id].Index == i)
            {
                result.Add(figure);
            }
        }
        return result;
    }

    private Figure? Resolve(string id, int index)
    {
        if (done.TryGetValue(id, out var known))
        {
            return known;
        }
        if (failed.Contains(id))
        {
            return null;
        }
        if (inProgress.Count >= ContentLimits.MaxDerivationDepth)
        {
            errors.Add(file.ErrorAt($"/cijfers/{index}/afgeleid", DepthMessage(id)));
            failed.Add(id);
            return null;
        }
        if (!inProgress.Add(id))
        {
            errors.Add(file.ErrorAt($"/cijfers/{index}/afgeleid", $"Het cijfer '{id}' wordt (via andere cijfers) uit zichzelf berekend. Haal de kringverwijzing weg."));
            return null;
        }
        var cijfer = declared[id].Cijfer;
        var figure = cijfer.Afgeleid is { } afgeleid ? Derived(cijfer, afgeleid, index) : Stated(cijfer, index);
        if (figure is not null && cijfer.Controle is not null)
        {
            if (cijfer.Afgeleid is null)
            {
                Check(cijfer, cijfer.Controle, figure, index);
            }
            else
            {
                errors.Add(file.ErrorAt($"/cijfers/{index}/controle", $"Een berekend cijfer heeft geen controle nodig. Haal \"controle\" weg bij '{id}'."));
            }
        }
        inProgress.Remove(id);
        var depth = figure?.Derivation is { } derivation ? 1 + derivation.Inputs.Max(i => depths.GetValueOrDefault(i.Id)) : 0;
        if (depth > ContentLimits.MaxDerivationDepth)
        {
            errors.Add(file.ErrorAt($"/cijfers/{index}/afgeleid", DepthMessage(id)));
            figure = null;
        }
        if (figure is not null)
        {
            depths[id] = depth;
            done[id] = figure;
        }
        else
        {
            failed.Add(id);
        }
        return figure;
    }

    private static string DepthMessage(string id) =>
        $"Het cijfer '{id}' wordt in meer dan {ContentLimits.MaxDerivationDepth} stappen uit andere berekende cijfers berekend. Reken in minder stappen: laat een berekening meer cijfers tegelijk optellen.";

    private Figure? Stated(CijferFile cijfer, int index)
    {
        var at = $"/cijfers/{index}";
        var unit = cijfer.Eenheid;
        Source? source = null;
        if (cijfer.Bron is null)
        {
            errors.Add(file.ErrorAt(at, $"Het cijfer '{cijfer.Id}' heeft geen bron. Zet bij \"bron\" het id van een bron uit publicatie.json."));
        }
        else if (sources is not null && !sources.TryGetValue(cijfer.Bron, out source))
        {
            errors.Add(file.ErrorAt(at + "/bron", $"De bron '{cijfer.Bron}' bestaat niet. Kies een id uit \"bronnen\" in publicatie.json: {string.Join(", ", sources.Keys)}."));
        }

        Rational? value = null;
        var asFraction = false;
        if (cijfer.Waarde is { } waarde && cijfer.Teller is null && cijfer.Noemer is null)
        {
            if (Math.Abs(waarde) > ContentLimits.MaxFigureValue)
            {
                errors.Add(file.ErrorAt(at + "/waarde", $"Het getal van '{cijfer.Id}' is te groot; het grootste getal is {TextFormat.Dutch.Number(ContentLimits.MaxFigureValue)}. Controleer het aantal nullen."));
                return null;
            }
            value = Rational.Whole(waarde);
        }
        else if (cijfer.Waarde is null && cijfer.Teller is { } teller && cijfer.Noemer is { } noemer)
        {
            if (unit != FigureUnit.Aandeel)
            {
                errors.Add(file.ErrorAt(at + "/teller", $"Alleen een aandeel mag een teller en noemer hebben. Geef '{cijfer.Id}' een \"waarde\"."));
                return null;
            }
            if (noemer <= 0)
            {
                errors.Add(file.ErrorAt(at + "/noemer", $"De noemer van '{cijfer.Id}' moet groter dan 0 zijn."));
                return null;
            }
            if (teller > ContentLimits.MaxFraction || noemer > ContentLimits.MaxFraction)
            {
                errors.Add(file.ErrorAt(at + (teller > ContentLimits.MaxFraction ? "/teller" : "/noemer"), $"De teller en noemer van '{cijfer.Id}' zijn te groot; het grootste getal is {TextFormat.Dutch.Number(ContentLimits.MaxFraction)}. Vereenvoudig de breuk, bijvoorbeeld 2 en 3 voor twee derde."));
                return null;
            }
            value = new Rational(teller, noemer);
            asFraction = true;
        }
        else
        {
            errors.Add(file.ErrorAt(at, $"Het cijfer '{cijfer.Id}' heeft geen waarde. Geef een \"waarde\", of bij een aandeel een \"teller\" en \"noemer\", of laat de site het uitrekenen met \"afgeleid\"."));
            return null;
        }

        if (!Plausible(cijfer, unit, value.Value, index))
        {
            return null;
        }
        return source is null
            ? null
            : new Figure(cijfer.Id, cijfer.Label, unit, value.Value, asFraction, cijfer.Benadering ?? Approximation.None, source, null);
    }

    private bool Plausible(CijferFile cijfer, FigureUnit unit, Rational value, int index)
    {
        var number = value.ToDecimal();
        var field = cijfer.Teller is null ? $"/cijfers/{index}/waarde" : $"/cijfers/{index}/teller";
        if (unit == FigureUnit.Aandeel && (number < 0 || number > 1))
        {
            errors.Add(file.ErrorAt(field, $"Het aandeel '{cijfer.Id}' moet tussen 0 en 1 liggen (40% schrijf je als 0.4)."));
            return false;
        }
        // The page shows a share to a tenth of a percent, and a decimal reads 1e-30 as 0: a share written above 0
        // that shows as "0%" would hide the number the editor meant.
        var written = cijfer.Teller ?? file.Root.GetProperty("cijfers")[index].GetProperty("waarde").GetDouble();
        if (unit == FigureUnit.Aandeel && written > 0 && Math.Round(number * 100m, 1, MidpointRounding.AwayFromZero) == 0)
        {
            errors.Add(file.ErrorAt(field, $"Het aandeel '{cijfer.Id}' is zo klein dat de pagina het als 0% toont. Een aandeel is 0 of minstens 0.0005 (0,05%); controleer het getal (40% schrijf je als 0.4)."));
            return false;
        }
        if (unit != FigureUnit.Aandeel && number < 0)
        {
            errors.Add(file.ErrorAt(field, $"Het cijfer '{cijfer.Id}' kan niet negatief zijn."));
            return false;
        }
        if (unit != FigureUnit.Aandeel && !value.IsWhole)
        {
            errors.Add(file.ErrorAt(field, $"Het cijfer '{cijfer.Id}' moet een heel getal zijn: bedragen in hele euro's (1500000), aantallen zonder punten of komma's."));
            return false;
        }
        return true;
    }

    private Figure? Derived(CijferFile cijfer, AfgeleidFile afgeleid, int index)
    {
        var at = $"/cijfers/{index}/afgeleid";
        if (cijfer.Waarde is not null || cijfer.Teller is not null || cijfer.Noemer is not null)
        {
            errors.Add(file.ErrorAt($"/cijfers/{index}", $"Het cijfer '{cijfer.Id}' wordt berekend (\"afgeleid\") en mag dus geen waarde hebben. Haal \"waarde\", \"teller\" en \"noemer\" weg: de site rekent het uit."));
            return null;
        }
        if (cijfer.Bron is not null)
        {
            errors.Add(file.ErrorAt($"/cijfers/{index}/bron", $"Het cijfer '{cijfer.Id}' wordt berekend en heeft geen eigen bron. Haal \"bron\" weg: de site noemt de bronnen van de cijfers waaruit het berekend is."));
            return null;
        }
        if (Compute(cijfer, afgeleid, at) is not var (operation, inputs, value))
        {
            return null;
        }
        if (value.ToDecimal() < 0)
        {
            errors.Add(file.ErrorAt(at, $"De berekening van '{cijfer.Id}' geeft een negatief getal. Controleer de volgorde bij \"van\": het eerste cijfer min de andere."));
            return null;
        }
        if (value.ToDecimal() > ContentLimits.MaxFigureValue)
        {
            errors.Add(file.ErrorAt(at, $"De berekening van '{cijfer.Id}' geeft een getal dat te groot is; het grootste getal is {TextFormat.Dutch.Number(ContentLimits.MaxFigureValue)}. Controleer de cijfers bij \"van\"."));
            return null;
        }

        var unit = cijfer.Eenheid;
        var exact = unit == FigureUnit.Aandeel || value.IsWhole;
        var bound = FigureBound.Of(operation, inputs);
        return new Figure(
            cijfer.Id,
            cijfer.Label,
            unit,
            value,
            false,
            bound.Qualifier(roundedForDisplay: !exact),
            null,
            new Derivation(operation, inputs),
            bound);
    }

    /// <summary>A stated figure with "controle": the source states both, so the computation must give the stated value.</summary>
    private void Check(CijferFile cijfer, AfgeleidFile controle, Figure stated, int index)
    {
        var at = $"/cijfers/{index}/controle";
        if (Compute(cijfer, controle, at) is not var (operation, inputs, value))
        {
            return;
        }
        var computed = new Figure(cijfer.Id, cijfer.Label, stated.Unit, value, stated.ShownAsFraction, Approximation.None, null, new Derivation(operation, inputs));
        var difference = Math.Abs(TextFormat.Rounded(computed) - TextFormat.Rounded(stated));
        // "ruim" or "ongeveer" allows the rounding of the source (1%); an exact figure must match exactly.
        var allowed = stated.Approximation == Approximation.None && inputs.All(i => i.Approximation == Approximation.None)
            ? 0m
            : Math.Abs(TextFormat.Rounded(stated)) / 100m;
        if (difference > allowed)
        {
            errors.Add(file.ErrorAt(at, $"Het cijfer '{cijfer.Id}' is {TextFormat.Dutch.InTable(stated)}, maar de controle geeft {TextFormat.Dutch.Calculation(computed)}. Een van de cijfers klopt niet; kijk het na in de bron."));
        }
    }

    private (DerivationOperation Operation, List<Figure> Inputs, Rational Value)? Compute(CijferFile cijfer, AfgeleidFile derivation, string at)
    {
        var inputs = new List<Figure>();
        for (var i = 0; i < derivation.Van.Count; i++)
        {
            var inputId = derivation.Van[i];
            if (!declared.TryGetValue(inputId, out var input))
            {
                errors.Add(file.ErrorAt($"{at}/van/{i}", $"Het cijfer '{cijfer.Id}' wordt berekend uit '{inputId}', maar dat cijfer bestaat niet."));
                return null;
            }
            if (Resolve(inputId, input.Index) is not { } figure)
            {
                return null;
            }
            inputs.Add(figure);
        }

        var operation = derivation.Bewerking;
        var declaredUnit = cijfer.Eenheid;
        var (unit, unitError) = ResultUnit(operation, inputs);
        if (unitError is not null || unit != declaredUnit)
        {
            errors.Add(file.ErrorAt(at, unitError ?? $"De berekening van '{cijfer.Id}' geeft een uitkomst in {TextFormat.Dutch.UnitName(unit)}, maar als eenheid staat er {TextFormat.Dutch.UnitName(declaredUnit)}."));
            return null;
        }

        try
        {
            var value = operation switch
            {
                DerivationOperation.Product => inputs.Skip(1).Aggregate(inputs[0].Value, (a, f) => a * f.Value),
                DerivationOperation.Verschil => inputs.Skip(1).Aggregate(inputs[0].Value, (a, f) => a - f.Value),
                DerivationOperation.Rest => Rational.Whole(1) - inputs[0].Value,
                _ => inputs.Skip(1).Aggregate(inputs[0].Value, (a, f) => a + f.Value),
            };
            _ = value.ToDecimal();
            return (operation, inputs, value);
        }
        catch (OverflowException)
        {
            errors.Add(file.ErrorAt(at, $"De berekening van '{cijfer.Id}' geeft een getal dat te groot is om mee te rekenen. Controleer de cijfers bij \"van\"."));
            return null;
        }
    }

    private static (FigureUnit Unit, string? Error) ResultUnit(DerivationOperation operation, List<Figure> inputs)
    {
        if (operation == DerivationOperation.Rest)
        {
            return inputs is [{ Unit: FigureUnit.Aandeel }]
                ? (FigureUnit.Aandeel, null)
                : (FigureUnit.Aandeel, "Een rest rekent 100% min één aandeel uit: zet bij \"van\" precies één cijfer, en dat moet een aandeel zijn.");
        }
        if (operation == DerivationOperation.Product)
        {
            var measured = inputs.Where(i => i.Unit != FigureUnit.Aandeel).Select(i => i.Unit).ToList();
            return measured.Count switch
            {
                0 => (FigureUnit.Aandeel, null),
                1 => (measured[0], null),
                _ => (measured[0], "Een product mag maar één bedrag of aantal bevatten; de andere cijfers moeten aandelen zijn."),
            };
        }
        return inputs.Select(i => i.Unit).Distinct().Count() == 1
            ? (inputs[0].Unit, null)
            : (inputs[0].Unit, "Bij een verschil of som moeten alle cijfers dezelfde eenheid hebben.");
    }
}
