using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Almelo.Perspectief.Content.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit.Abstractions;

namespace Almelo.Perspectief.Content.Tests;

/// <summary>
/// The glossary at the size limits: as many terms and forms as begrippen.json may hold and a tekst.md as large as
/// it may be still load in seconds (the quadratic linker took minutes), and the limits themselves are located errors.
/// </summary>
public sealed class GlossaryScaleTests(ITestOutputHelper output) : IDisposable
{
    private const string Begrippen = ContentFixture.Slug + "/begrippen.json";
    private const string Tekst = ContentFixture.Slug + "/tekst.md";

    /// <summary>Far above what the linear linker needs at the limits (under 2 s), far below what the quadratic one took (minutes).</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    private readonly ContentFixture content = ContentFixture.Reference();

    private static readonly string ReferenceGlossary = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, Begrippen));

    private static readonly string ReferenceText = File.ReadAllText(Path.Combine(ContentFixture.ReferenceContent, Tekst));

    private static readonly int ReferenceTerms = JsonNode.Parse(ReferenceGlossary)!["begrippen"]!.AsArray().Count;

    public void Dispose() => content.Dispose();

    /// <summary>
    /// One large case: every form of every term starts with the same run of words (<see cref="Prefix"/> long) that also
    /// fills the text, so that the matcher is kept busy at every word; every <see cref="UsedEvery"/>-th term stands
    /// once in the text, and the text is split into lines of <see cref="LineWords"/> words.
    /// </summary>
    private sealed record Case(int Terms, int Forms, int Prefix, int UsedEvery, int LineWords);

    private static Gen<Case> Cases() =>
        from terms in Gen.Choose(ContentLimits.MaxGlossaryTerms * 3 / 4, ContentLimits.MaxGlossaryTerms - ReferenceTerms)
        from forms in Gen.Choose(0, ContentLimits.MaxTermForms)
        from prefix in Gen.Choose(1, (ContentLimits.MaxTermLength - 10) / 3)
        from usedEvery in Gen.Elements(1, 7, int.MaxValue)
        from lineWords in Gen.Elements(1, 2, 40, 3_000)
        select new Case(terms, forms, prefix, usedEvery, lineWords);

    [Property(MaxTest = 3, QuietOnSuccess = true)]
    public Property Load_GlossaryAndTextAtTheirLimits_FinishesWellWithinTheBound() =>
        Prop.ForAll(Cases().ToArbitrary(), @case =>
        {
            var used = Write(@case);

            var watch = Stopwatch.StartNew();
            var result = ContentLoader.Load(content.Root);
            var elapsed = watch.Elapsed;

            output.WriteLine($"{@case}: {elapsed.TotalSeconds:0.00} s");
            Assert.True(elapsed < Bound, $"{@case} took {elapsed.TotalSeconds:0.0} s");
            Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
            var html = string.Concat(result.Snapshot!.Publications[0].Sections.Select(s => s.Html));
            Assert.Equal(used, html.Split("#begrip-gen-").Length - 1);
            return true;
        });

    /// <summary>Writes the case into the content, each file just under its size limit; returns how many of the new terms the text uses.</summary>
    private int Write(Case @case)
    {
        var prefix = string.Join(' ', Enumerable.Repeat("ka", @case.Prefix));
        var glossary = JsonNode.Parse(ReferenceGlossary)!["begrippen"]!.AsArray();
        var room = ContentLimits.MaxTextFileBytes - 2 * Encoding.UTF8.GetByteCount(ReferenceGlossary);
        var perTerm = room / @case.Terms;
        var forms = Math.Clamp((perTerm - 40) / (prefix.Length + 14) - 1, 0, @case.Forms);
        for (var i = 0; i < @case.Terms; i++)
        {
            glossary.Add(new JsonObject
            {
                ["id"] = $"gen-{i}",
                ["term"] = $"{prefix} q{i}x0",
                ["vormen"] = new JsonArray([.. Enumerable.Range(1, forms).Select(j => JsonValue.Create($"{prefix} q{i}x{j}"))]),
                ["uitleg"] = "u",
            });
        }
        var json = new JsonObject { ["begrippen"] = glossary.DeepClone() }.ToJsonString();
        Assert.True(Encoding.UTF8.GetByteCount(json) <= ContentLimits.MaxTextFileBytes);
        content.Write(Begrippen, json);

        var text = new StringBuilder(ReferenceText).Append("\n\n## Extra {#extra-lijst}\n\n");
        var budget = ContentLimits.MaxTextFileBytes - 1_000;
        var used = 0;
        var next = 0;
        while (text.Length < budget)
        {
            var words = Math.Min(@case.LineWords, (budget - text.Length) / 3 + 1);
            text.Append(string.Join(' ', Enumerable.Repeat("ka", words)));
            if (next < @case.Terms && next % @case.UsedEvery == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" {prefix} q{next}x{next % (forms + 1)}");
                used++;
            }
            next++;
            text.Append(next % 10 == 0 ? "\n\n" : "\n");
        }
        content.Write(Tekst, text.ToString());
        return used;
    }

    [Fact]
    public void Schema_GlossaryCaps_AreTheContentLimits()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(ContentFixture.LiveContent, "begrippen.schema.json")))!;
        var begrippen = schema["properties"]!["begrippen"]!;
        var properties = begrippen["items"]!["properties"]!;

        Assert.Equal(ContentLimits.MaxGlossaryTerms, (int)begrippen["maxItems"]!);
        Assert.Equal(ContentLimits.MaxTermForms, (int)properties["vormen"]!["maxItems"]!);
        Assert.Equal(ContentLimits.MaxTermLength, (int)properties["term"]!["maxLength"]!);
        Assert.Equal(ContentLimits.MaxTermLength, (int)properties["vormen"]!["items"]!["maxLength"]!);
    }

    [Fact]
    public void Glossary_TooManyTerms_IsAnErrorAtTheList()
    {
        var terms = string.Concat(Enumerable.Range(0, ContentLimits.MaxGlossaryTerms).Select(i => $"{{ \"id\": \"extra-{i}\", \"term\": \"extra{i}\", \"uitleg\": \"u\" }},\n"));
        content.Replace(Begrippen, "\"begrippen\": [\n", "\"begrippen\": [\n" + terms);

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Begrippen, content.LineOf(Begrippen, "\"begrippen\""), $"'begrippen' heeft te veel onderdelen: het mogen er hoogstens {ContentLimits.MaxGlossaryTerms} zijn. Haal er een paar weg."), (error.File, error.Line, error.Message));
    }

    [Fact]
    public void Glossary_TooManyForms_IsAnErrorAtTheForms()
    {
        var forms = string.Join(", ", Enumerable.Range(0, ContentLimits.MaxTermForms + 1).Select(i => $"\"structureel{i}\""));
        content.Replace(Begrippen, "\"vormen\": [\"structurele\"]", $"\"vormen\": [{forms}]");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Begrippen, content.LineOf(Begrippen, "\"structureel0\""), $"'vormen' heeft te veel onderdelen: het mogen er hoogstens {ContentLimits.MaxTermForms} zijn. Haal er een paar weg."), (error.File, error.Line, error.Message));
    }

    [Fact]
    public void Glossary_FormTooLong_IsAnErrorAtTheForm()
    {
        content.Replace(Begrippen, "\"vormen\": [\"structurele\"]", $"\"vormen\": [\"structurele\", \"{new string('s', ContentLimits.MaxTermLength + 1)}\"]");

        var error = Assert.Single(ContentLoader.Load(content.Root).Errors);
        Assert.Equal((Begrippen, content.LineOf(Begrippen, "\"structurele\""), $"'vormen nummer 2' is te lang: het mag hoogstens {ContentLimits.MaxTermLength} tekens hebben. Maak het korter."), (error.File, error.Line, error.Message));
    }
}
