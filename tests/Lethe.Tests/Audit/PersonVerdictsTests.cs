using Lethe.Audit;
using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Tests.Audit;

/// <summary>
/// The per-person test wired into the audit, on φ made up in memory: 8 retrained models; an Original whose φ is 3 pool
/// standard deviations higher on every forget photo; a method whose models are drawn like retrained ones. Forget and
/// unseen people are different people, 12 each with 4 photos, each person with an offset of their own.
/// </summary>
public class PersonVerdictsTests
{
    private const int N = 8;

    [Fact]
    public void The_Original_exposes_the_forget_people_a_forgetting_method_and_the_null_do_not_and_unseen_people_stay_near_the_level()
    {
        var random = new Random(11);
        var forgetOffsets = Enumerable.Range(0, 12).Select(_ => Normal(random)).ToArray();
        var unseenOffsets = Enumerable.Range(0, 12).Select(_ => Normal(random)).ToArray();
        AuditModel Model(string id, CellRole role, string label, double forgetShift)
        {
            var rows = new List<PhiRow>();
            for (var i = 0; i < 48; i++)
            {
                rows.Add(new PhiRow(PhiSets.Forget, i, $"f{i / 4}", 0, 0, forgetOffsets[i / 4] + 0.2 * i % 3 + forgetShift + Normal(random)));
                rows.Add(new PhiRow(PhiSets.Unseen, i, $"u{i / 4}", 0, 0, unseenOffsets[i / 4] - 0.1 * (i % 5) + Normal(random)));
            }
            var evaluation = new ModelEvaluation(0.5, null, [0.5], 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 48, 48, 0);
            return new AuditModel(id, id, role, role == CellRole.Unlearned ? "finetune" : null, label,
                new ModelResult { Label = label, Source = "", Evaluation = evaluation, Seconds = 1 }, rows);
        }
        var retrained = Enumerable.Range(0, N).Select(s => Model($"r{s}", CellRole.Retrained, "Retrained", 0)).ToArray();
        var original = new[] { Model("o", CellRole.Original, "Original", 3) };
        var method = Enumerable.Range(0, N).Select(s => Model($"m{s}", CellRole.Unlearned, "Fine-tuning", 0)).ToArray();
        var forget = PhiColumns.Of(retrained[0], PhiSets.Forget);
        var unseen = PhiColumns.Of(retrained[0], PhiSets.Unseen);

        var nullRow = LabelPersonVerdicts.Of("Retrained (null)", retrained, retrained, forget, unseen);
        var originalRow = LabelPersonVerdicts.Of("Original", original, retrained, forget, unseen);
        var methodRow = LabelPersonVerdicts.Of("Fine-tuning", method, retrained, forget, unseen);

        Assert.Equal((N, N - 1), (nullRow.Models, nullRow.PoolSize)); // never judged against itself
        Assert.Equal((1, N), (originalRow.Models, originalRow.PoolSize));
        Assert.True(originalRow.ForgetExposedShare >= 0.75, $"Original exposes {originalRow.ForgetExposedShare}");
        Assert.True(methodRow.ForgetExposedShare <= 0.10, $"a method like Retrained exposes {methodRow.ForgetExposedShare}");
        Assert.True(nullRow.ForgetExposedShare <= 0.10, $"null {nullRow.ForgetExposedShare}");
        Assert.All(new[] { nullRow, originalRow, methodRow }, v => Assert.True(v.UnseenExposedShare <= 0.10, $"{v.Label} unseen {v.UnseenExposedShare}"));
        Assert.Equal(12, originalRow.People.Count);
        Assert.Null(originalRow.Note);
    }

    [Fact]
    public void A_pool_too_small_gives_no_share_and_says_why()
    {
        var rows = Enumerable.Range(0, 12).SelectMany(i => new[]
        {
            new PhiRow(PhiSets.Forget, i, $"f{i / 3}", 0, 0, i * 0.1),
            new PhiRow(PhiSets.Unseen, i, $"u{i / 3}", 0, 0, -i * 0.1),
        }).ToArray();
        var evaluation = new ModelEvaluation(0.5, null, [0.5], 0.5, 0.5, 0.5, 0.5, 0, 0.5, 0.5, 12, 12, 0);
        AuditModel Model(string id) => new(id, id, CellRole.Retrained, null, "Retrained",
            new ModelResult { Label = "Retrained", Source = "", Evaluation = evaluation, Seconds = 1 }, rows);
        var pool = new[] { Model("r0"), Model("r1") };

        var verdicts = LabelPersonVerdicts.Of("Retrained (null)", pool, pool, PhiColumns.Of(pool[0], PhiSets.Forget), PhiColumns.Of(pool[0], PhiSets.Unseen));

        Assert.Null(verdicts.ForgetExposedShare); // each judged against a pool of 1: no spread
        Assert.Contains("K = 1", verdicts.Note);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
