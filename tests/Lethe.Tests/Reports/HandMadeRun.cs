using Lethe.Data;
using Lethe.Evaluation;
using Lethe.Evaluation.Metrics;
using Lethe.Experiments;
using Lethe.IO;
using Lethe.Models;
using Lethe.Reports;
using Lethe.Training;

namespace Lethe.Tests.Reports;

/// <summary>
/// Runs written by hand, so report tests need no training and golden files stay fixed: three seeds (1, 2, 42) of four
/// models with round numbers, a fixed provenance, and SCRUB diverged in seed 42 (no attack accuracy).
/// </summary>
public static class HandMadeRun
{
    public static IReadOnlyList<long> Seeds { get; } = [1, 2, 42];

    private sealed record Plan(string Label, string Source, double[] Accuracy, double[] Attack, double[] Seconds);

    private static readonly Plan[] Models =
    [
        new("Original", "base", [0.2, 0.4, 0.6], [0.70, 0.66, 0.62], [100, 110, 120]),
        new("Retrained", "base", [0.25, 0.27, 0.26], [0.52, 0.50, 0.51], [80, 80, 80]),
        new("Fine-tuning", "finetune", [0.29, 0.30, 0.28], [0.66, 0.67, 0.68], [10, 10, 10]),
        new("SCRUB", "scrub", [0.27, 0.26, 0.25], [0.60, 0.58, double.NaN], [20, 25, 30]),
    ];

    public static IReadOnlyList<RunRecord> Records() => Seeds.Select(Record).ToArray();

    public static RunRecord Record(long seed)
    {
        int k = Seeds.ToList().IndexOf(seed);
        var spec = Presets.Quick with { Preset = "handmade", Seed = seed, CacheDirectory = "/cache", OutputDirectory = $"/runs/seed-{seed}" };
        var data = new DataSummary("synthfaces", "age-8", 32, 525, 175, 350, 175, 175, 25, 50, 25, 25, 0, $"fingerprint-{seed}",
            Classes: ClassCoverage.Of(MultiClassTask.AgeGroups, Enumerable.Range(0, 8).Select(c => new Sample($"s{c}", "p", [c]))));
        return new RunRecord(Provenance(seed), spec, spec.ResultHash(), data, Models.Select(m => Result(m, k)).ToArray(), 300 + k, Quirks: []);
    }

    /// <summary>
    /// <paramref name="record"/> as if its forget set were 14 images against 525 unseen: each attacked model compared 14
    /// against 14 (unseen cut), with fold SDs 0.150, 0.175, ... in model order.
    /// </summary>
    public static RunRecord SmallForgetSet(RunRecord record) => record with
    {
        Data = record.Data with { Forget = 14, Unseen = 525 },
        Models = record.Models.Select((m, i) => m.Evaluation.Attack is null ? m : m with
        {
            Evaluation = m.Evaluation with
            {
                ForgetCountAttacked = 14,
                UnseenCount = 525,
                Attack = m.Evaluation.Attack with
                {
                    SplitAccuracySd = 0.15 + 0.025 * i,
                    Balance = new AttackBalance(14, 525, 14, 14, SubsampledSide.Unseen),
                    SmallSet = true,
                },
            },
        }).ToArray(),
    };

    /// <summary>
    /// <paramref name="record"/> as if relearning had run (made-up curves, no model trained): each method stores its own
    /// relearning curve, the Original's and Retrained's, and its weight line; the Original its own curve (which is O) and
    /// Retrained its own (R), as <see cref="RelearningMetric"/> gives them.
    /// </summary>
    public static RunRecord WithCurves(RunRecord record) => record with
    {
        Models = record.Models.Select((m, i) => m with { Evaluation = m.Evaluation with { Curves = CurvesOf(m.Role, 0.3 * i) } }).ToArray(),
    };

    private static Dictionary<string, MetricCurve> CurvesOf(CellRole role, double recovery)
    {
        var relearning = (double from, double to) => new MetricCurve("forget accuracy while relearning", new CurveAxis("fine-tuning on retain", "steps"),
            [0, 20, 40, 60, 80, 100], CurveAxis.ForgetAccuracy, [.. Enumerable.Range(0, 6).Select(k => from + (to - from) * k / 5.0)]);
        var (o, r) = (relearning(0.58, 0.55), relearning(0.25, 0.27));
        var alphas = Enumerable.Range(0, 21).Select(k => k / 20.0).ToArray();
        var alpha = new CurveAxis("α: 0 the Original, 1 the model", "");
        string Relearn(string curve) => MetricRegistry.Key(RelearningMetric.MetricName, curve);
        string Line(string curve) => MetricRegistry.Key(WeightLine.MetricName, curve);
        return role switch
        {
            CellRole.Original => new() { [Relearn(RelearningMetric.ModelCurve)] = o, [Relearn(RelearningMetric.OriginalCurve)] = o },
            CellRole.Retrained => new() { [Relearn(RelearningMetric.ModelCurve)] = r, [Relearn(RelearningMetric.RetrainedCurve)] = r },
            _ => new()
            {
                [Relearn(RelearningMetric.ModelCurve)] = relearning(0.3, 0.3 + recovery * 0.25),
                [Relearn(RelearningMetric.OriginalCurve)] = o,
                [Relearn(RelearningMetric.RetrainedCurve)] = r,
                [Line(WeightLine.ForgetCurve)] = new("forget accuracy along the line", alpha, alphas, CurveAxis.ForgetAccuracy,
                    [.. alphas.Select(a => 0.58 - (0.28 - 0.1 * recovery) * a * a)]),
                [Line(WeightLine.RetainLossCurve)] = new("retain loss along the line", alpha, alphas, new CurveAxis("mean retain loss", "nats"),
                    [.. alphas.Select(a => 1.2 + (0.4 - recovery) * Math.Sin(Math.PI * a))]),
            },
        };
    }

    public static Provenance Provenance(long seed) => new("0.1.0+0123456789abcdef", "0123456789abcdef", ".NET 10.0.0", "0.107.0.0",
        "2.10.0.0", "Debian GNU/Linux 12 (bookworm)", "Test CPU", 2, "cpu", 1, 2, "Release",
        $"lethe benchmark --preset quick --seed {seed}", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Writes <paramref name="record"/> as `lethe benchmark` does: results.json, then each model's result and losses.</summary>
    public static void Write(string directory, RunRecord record)
    {
        AtomicFile.WriteAllText(Path.Combine(directory, "results.json"), new JsonReport().Render(record));
        var store = new RunStore(directory, record.ResultHash);
        var random = new Random((int)record.Spec.Seed);
        foreach (var model in record.Models)
            store.Put(model with { Evaluation = model.Evaluation with { Losses = Losses(random) } });
    }

    private static Dictionary<string, float[]> Losses(Random random)
    {
        float[] Set(double scale) => Enumerable.Range(0, 60).Select(_ => (float)(scale * -Math.Log(1 - random.NextDouble()))).ToArray();
        return new() { ["forget"] = Set(0.8), ["unseen"] = Set(1.5), ["test"] = Set(1.5) };
    }

    private static ModelResult Result(Plan plan, int k)
    {
        double accuracy = plan.Accuracy[k], attack = plan.Attack[k];
        double f = Math.Abs(attack - 0.5);
        var evaluation = new ModelEvaluation(accuracy, accuracy + 0.25, [accuracy], 0.5, 0.55, 0.24, attack, f,
            0.5 * accuracy + 0.5 * (1 - 2 * f), 0.5, 175, 175, 2)
        {
            Attack = double.IsNaN(attack) ? null
                : new AttackStatistics(attack + 0.05, 0.02 * (k + 1), 0.03, 10, new AttackBalance(175, 175, 175, 175, SubsampledSide.None), false, 100),
        };
        return new ModelResult
        {
            Label = plan.Label,
            Source = plan.Source,
            Evaluation = evaluation,
            Seconds = plan.Seconds[k],
            SpeedUp = plan.Label == "Original" ? null : 80 / plan.Seconds[k],
            PeakMemoryMiB = 1000,
            Diverged = double.IsNaN(attack),
            DivergedAtStep = double.IsNaN(attack) ? 7 : null,
            Note = double.IsNaN(attack) ? "loss became non-finite at step 7 (forget)" : null,
            History = plan.Source == "base" ? History(k) : null,
        };
    }

    private static IReadOnlyList<EpochStats> History(int k) =>
        Enumerable.Range(1, 3).Select(e => new EpochStats(e, 0.01, 2.0 - 0.3 * e - 0.05 * k, 0.2 + 0.1 * e + 0.02 * k, 525, TimeSpan.FromSeconds(10)))
            .ToArray();
}
