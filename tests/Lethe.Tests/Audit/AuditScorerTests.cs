using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Data;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Models;
using Lethe.Plans;
using Lethe.Reports;
using Lethe.Reports.Audit;
using Lethe.Tests.Experiments;
using Lethe.Tests.Support;

namespace Lethe.Tests.Audit;

/// <summary>
/// The scorer on φ made up in memory, no model trained: retrained models see nothing of the forget set, the Original
/// memorised it (φ 4 higher), fine-tuning forgets it completely (its φ is drawn like the retrained models'), and SSD,
/// seedless, keeps the Original's φ.
/// </summary>
public class AuditScorerTests
{
    private const int N = 8;

    internal static readonly BenchmarkData Data = new()
    {
        Name = "tiny", Task = MultiClassTask.AgeGroups, Fingerprint = "tiny",
        Train = TinyData.Classes(18, seed: 1), Forget = TinyData.Classes(12, seed: 2), Retain = TinyData.Classes(6, seed: 3),
        Test = TinyData.Classes(6, seed: 4), Unseen = TinyData.Classes(6, seed: 5),
    };

    internal static (Plan Plan, AuditResult Result) Score(AuditMode mode, int n = N)
    {
        var spec = TinyRun.Spec("out", "cache", ["finetune", "ssd"]) with { Threads = 1, Jobs = 1 };
        var plan = AuditPlanner.Build(spec, mode, n, MethodPlan.Resolve(spec, Data.Task), "tiny");
        var random = new Random(5);
        var models = new List<AuditModel>();
        foreach (var cell in plan.Cells.Where(c => c.MakesModel))
        {
            var memorised = cell.Role == CellRole.Original || cell.Method == "ssd";
            var label = cell.Role switch { CellRole.Original => "Original", CellRole.Retrained => "Retrained", _ => cell.Method == "ssd" ? "SSD" : "Fine-tuning" };
            var rows = new List<PhiRow>();
            foreach (var (set, images) in new[] { ("forget", Data.Forget), ("retain", Data.Retain), ("test", Data.Test), ("unseen", Data.Unseen) })
                for (var i = 0; i < images.Count; i++)
                    rows.Add(new PhiRow(set, i, images.Samples[i].Identity, 0, images.Samples[i].Labels[0],
                        // SSD's φ is the one Original's, the same on every seed: no noise of its own.
                        i * 0.3 + (memorised && set == "forget" ? 4 : 0) + (cell.Method == "ssd" ? 0.01 * i : Normal(random))));
            var evaluation = new ModelEvaluation(0.5, null, [0.5], 0.6, 0.7, 0.5, memorised ? 0.7 : 0.5, 0, 0.5, 0.5, 12, 6, 0);
            models.Add(new AuditModel(cell.Id, cell.Name, cell.Role, cell.Method, label, new ModelResult { Label = label, Source = "", Evaluation = evaluation, Seconds = 1 }, rows));
        }
        return (plan, AuditScoring.Score(plan, PhiPools.Of(models), new AuditCost(models.Count, models.Count, 60, new Dictionary<string, double>())));
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Should_find_fine_tuning_forgotten_and_a_seedless_method_exposed_by_construction()
    {
        var (_, result) = Score(AuditMode.FixedOriginal);

        var fineTuning = result.Methods.Single(m => m.Label == "Fine-tuning");
        Assert.InRange(fineTuning.Scores.Get(ULiraMetric.Auc).Value!.Value, 0.3, 0.7);
        var f = fineTuning.Scores.Get(ForgettingQualityMetric.F).Value!.Value;
        Assert.True(f >= result.Null.ChanceFull - 0.25, $"F {f}");
        Assert.Equal(12, fineTuning.Images.Count);
        Assert.Equal(Data.Forget.Identities().Count, fineTuning.Identities.Count);

        var ssd = result.Methods.Single(m => m.Label == "SSD");
        Assert.False(ssd.DependsOnSeed);
        Assert.Equal((1, N), (ssd.DistinctModels, ssd.N));
        Assert.Equal(0, ssd.Scores.Get(ForgettingQualityMetric.F).Value);
        Assert.All(ssd.Images, i => Assert.Equal(ChallengeEpsilon.Cap, i.Epsilon));
        Assert.Contains(result.Warnings, w => w.StartsWith("SSD does not depend on its seed") && w.Contains("ε = 50 and F = 0 by construction"));

        Assert.True(result.Null.Passed, result.Null.Verdict);
        Assert.Equal(N / 2, result.Null.ModelsPerHalf);
        Assert.Equal("rank", result.Original.Kind);
        Assert.True(result.Original.Passed, result.Original.Verdict);
        Assert.Equal(1.0 / (N + 1), result.Original.MeanRankP!.Value, 12); // above every retrained model on every image
        Assert.InRange(result.Original.UnseenMeanRankP!.Value, 0.2, 0.8);
    }

    [Fact]
    public void Should_give_the_null_row_every_score_the_methods_carry_KLoM_included()
    {
        var (_, result) = Score(AuditMode.FixedOriginal);

        Assert.All(AuditMetricRegistry.Rows, row =>
        {
            var value = result.Null.Scores.Get(row.Key);
            // A KLoM the null row saturates (4 a side here) is missing on every row alike, the null row's included.
            if (value.Missing?.StartsWith("KLoM saturated") == true)
                Assert.All(result.Methods, m => Assert.Equal(value.Missing, m.Scores.Get(row.Key).Missing));
            else
                Assert.True(value.Value is not null, $"{row.Key}: {value.Missing}");
        });
        // One Original has no pool: its many-model scores say why they are missing, its single-model ones exist.
        Assert.Equal(OriginalCheck.NoPool, result.Original.Scores.Get(KlomMetric.Forget).Missing);
        Assert.NotNull(result.Original.Scores.Get(SingleModelMetric.Attack).Value);
    }

    [Fact]
    public void Should_score_a_pool_of_originals_as_memorised_in_population_mode()
    {
        var (_, result) = Score(AuditMode.Population);

        Assert.Equal("pool", result.Original.Kind);
        Assert.Equal(N, result.Original.Originals);
        Assert.True(result.Original.Scores.Get(ULiraMetric.Auc).Value > 0.95, result.Original.Verdict);
        Assert.True(result.Original.Passed);
        Assert.Equal(N, result.Methods.Single(m => m.Label == "SSD").DistinctModels);
    }

    [Fact]
    public void Should_write_the_report_with_warnings_first_the_exposure_plot_and_thumbnails()
    {
        using var dir = new TempDirectory();
        var (_, result) = Score(AuditMode.FixedOriginal);

        var files = ReportFiles.Write(new AuditReport(result, new AuditRunFacts("lethe audit (test)", 90, 3, 2, "store"), Data), dir.Path).WithFigures;

        Assert.All(files, f => Assert.True(File.Exists(f), f));
        var read = AuditResult.Read(Path.Combine(dir.Path, "audit.json"));
        Assert.Equal(result.Methods.Count, read.Methods.Count);
        Assert.Equal(result.Null.Scores, read.Null.Scores);
        Assert.Equal(result.Methods[0].Scores, read.Methods[0].Scores);
        var markdown = File.ReadAllText(Path.Combine(dir.Path, "report.md"));
        Assert.True(markdown.IndexOf("**Warning: SSD does not depend", StringComparison.Ordinal) < markdown.IndexOf("## Sanity checks", StringComparison.Ordinal));
        Assert.Contains("![People still exposed](plots/vulnerability.png)", markdown);
        Assert.Contains("](thumbs/person", markdown);
        Assert.Contains("| chance: two exchangeable pools of 8 (simulated) |", markdown);
        Assert.Contains("1.5 min for this invocation (3 cells made, 2 already done in the store)", markdown);
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(dir.Path, "thumbs"), "*.png"));
        Assert.Contains("data:image/png;base64,", File.ReadAllText(Path.Combine(dir.Path, "report.html")));
        // The per-person test in every format: one row per label, the null first.
        Assert.Equal(["Retrained (null, leave one out)", "Original", "Fine-tuning", "SSD"],
            AuditResult.Read(Path.Combine(dir.Path, "audit.json")).PersonVerdicts!.Select(v => v.Label));
        Assert.Contains("## Did each model forget each person?", markdown);
        Assert.Contains("| Retrained (null, leave one out) |", markdown);
        Assert.Contains("<h2>Did each model forget each person?</h2>", File.ReadAllText(Path.Combine(dir.Path, "report.html")));
    }
}
