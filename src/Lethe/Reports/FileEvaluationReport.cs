using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lethe.Audit;
using Lethe.IO;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// What `lethe evaluate` prints and writes: the benchmark's facts and evaluation rows for the given model (and the
/// Retrained beside it), then the model's output divergence from the Retrained per set.
/// </summary>
public static class FileEvaluationReport
{
    /// <summary>The evaluation as a run of given models, so its facts and rows are the benchmark's own.</summary>
    public static RunRecord AsRun(FileEvaluation evaluation) => new(evaluation.Provenance, evaluation.Spec,
        evaluation.Spec.ResultHash(), evaluation.Data, evaluation.Models, evaluation.TotalSeconds);

    /// <summary>
    /// Each model's file first (and the Original's, when one was given), then the run's facts (command, data, attack sets,
    /// retain sample, versions, machine); not the reference's quirks, which shape training, and nothing is trained here.
    /// </summary>
    public static IReadOnlyList<RunFact> Facts(FileEvaluation evaluation) =>
    [
        .. evaluation.Models.Select(m => new RunFact(Capitalised(m.Label),
            string.Join("; ", new[] { m.Given!.Describe(), m.Given.Note, m.Note }.OfType<string>()))),
        .. (evaluation.Original is { } original
            ? [new RunFact(OriginalFact, string.Join("; ", new[] { original.Describe(), original.Note }.OfType<string>()))]
            : Array.Empty<RunFact>()),
        .. RunFacts.Of(AsRun(evaluation)).Where(f => f.Name != RunFacts.QuirksFact),
    ];

    /// <summary>The name of the fact that gives the Original's file.</summary>
    public const string OriginalFact = "Original";

    /// <summary>The benchmark's evaluation rows, then two rows per set: mean KL(retrained ‖ model) and mean JS, nats.</summary>
    public static ResultsTable Table(FileEvaluation evaluation)
    {
        var rows = ResultsTable.EvaluationRows(evaluation.Models, evaluation.Data.Task).ToList();
        foreach (var (set, divergence) in evaluation.Divergence ?? new Dictionary<string, Lethe.Evaluation.OutputDivergence>())
        {
            rows.Add(new($"KL(retrained ‖ model), {set}", [divergence.MeanKl, null]));
            rows.Add(new($"JS(retrained, model), {set}", [divergence.MeanJs, null]));
        }
        return new ResultsTable(evaluation.Models.Select(m => m.Label).ToArray(), rows);
    }

    public static string Title(FileEvaluation evaluation) =>
        $"Lethe evaluation: {evaluation.Data.Name} ({evaluation.Data.Task}, {evaluation.Data.ImageSize} px)";

    /// <summary>evaluation.md: the facts, the notes on the metrics, the table.</summary>
    public static string Markdown(FileEvaluation evaluation)
    {
        var text = new StringBuilder();
        text.Append(MarkdownTable.Header(Title(evaluation), Facts(evaluation), []));
        text.AppendLine();
        text.AppendLine(ReportNotes.Metrics);
        if (evaluation.Divergence is not null) text.AppendLine(DivergenceNote);
        text.AppendLine();
        text.Append(MarkdownReport.Table(Table(evaluation)));
        return text.ToString();
    }

    /// <summary>
    /// evaluation.json: the evaluation as it is, and with a pool test, a "PersonTest" member beside its others: the pool,
    /// the image score and rule in words (<see cref="PersonPoolTest.ImageScore"/>, <see cref="PersonPoolTest.Rule"/>), and
    /// every person's numbers (forget and unseen).
    /// </summary>
    public static string Json(FileEvaluation evaluation, PersonPoolTest? personTest)
    {
        if (personTest is null) return JsonSerializer.Serialize(evaluation, LetheJson.Options);
        var root = JsonSerializer.SerializeToNode(evaluation, LetheJson.Options)!.AsObject();
        // Verdicts and the score kind as words ("Exposed", "Rank"), not enum numbers a reader must look up.
        var test = JsonSerializer.SerializeToNode(personTest, new JsonSerializerOptions(LetheJson.Options) { Converters = { new JsonStringEnumConverter() } })!.AsObject();
        root["PersonTest"] = test;
        return root.ToJsonString(LetheJson.Options);
    }

    public const string DivergenceNote =
        "KL(retrained ‖ model) and JS(retrained, model): the divergence between the two models' predicted class distributions, per image, averaged over the set (natural logarithms; JS is at most ln 2 = 0.693); 0 = the model predicts exactly as the Retrained.";

    private static string Capitalised(string label) => char.ToUpperInvariant(label[0]) + label[1..];
}
