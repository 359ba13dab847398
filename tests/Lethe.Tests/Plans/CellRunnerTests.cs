using Lethe.Audit;
using Lethe.Audit.Metrics;
using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Plans;

/// <summary>One tiny audit (N = 3, fine-tuning, 16 px, 1 epoch) made once and shared: cells, locks, resume, scores.</summary>
public class CellRunnerTests
{
    [Fact]
    public void Should_make_a_cell_once_skip_it_when_done_and_finish_a_plan_cancelled_mid_cell()
    {
        using var dir = new TempDirectory();
        using var audit = TinyAudit.Prepare(dir.Path);
        var (plan, store) = (audit.Plan, audit.Store);
        var runner = new CellRunner(audit.Bench, store);
        var original = plan.Cells[0];
        var unlearned = plan.Cells.First(c => c.Role == CellRole.Unlearned);
        var ct = TestContext.Current.CancellationToken;

        // Inputs first: an unlearning cell waits for its Original.
        Assert.Equal(CellOutcome.Waiting, runner.Run(unlearned, ct));

        // Two workers on one cell: exactly one makes it.
        var outcomes = new CellOutcome[2];
        Parallel.For(0, 2, i => outcomes[i] = new CellRunner(audit.Bench, store).Run(original));
        Assert.Equal(1, outcomes.Count(o => o == CellOutcome.Made));
        Assert.All(outcomes.Where(o => o != CellOutcome.Made), o => Assert.Contains(o, new[] { CellOutcome.Busy, CellOutcome.AlreadyDone }));
        Assert.True(store.IsDone(original));
        Assert.False(store.IsLocked(original));
        // A cell's result carries the peak resident memory of the process while it ran, as lethe benchmark's do.
        Assert.InRange(store.Results(original).TryGet("Original")!.PeakMemoryMiB, 1, 1 << 20);
        var made = File.GetLastWriteTimeUtc(store.DonePath(original));

        // Done is done: a rerun touches nothing.
        Assert.Equal(CellOutcome.AlreadyDone, runner.Run(original, ct));
        Assert.Equal(made, File.GetLastWriteTimeUtc(store.DonePath(original)));

        // Cancel a Retrained model after its first epoch (of two): nothing half-written, no lock left, and a rerun finishes it.
        var retrained = plan.Cells.First(c => c.Role == CellRole.Retrained);
        using (var cancel = new CancellationTokenSource())
        {
            var progress = new SyncProgress<RunEvent>(e => { if (e.Training is { Epoch: 1 }) cancel.Cancel(); });
            Assert.ThrowsAny<OperationCanceledException>(() => new CellRunner(audit.Bench, store, progress).Run(retrained, cancel.Token));
        }
        Assert.False(store.IsDone(retrained));
        Assert.False(store.IsLocked(retrained));
        Assert.Null(store.Results(retrained).TryGet("Retrained"));
        Assert.Empty(Directory.EnumerateFiles(store.Directory, "*.tmp", SearchOption.AllDirectories));

        var summary = new PlanRunner(store).Run(audit.Bench, jobs: 2, ct);
        Assert.Equal(plan.Cells.Count - 1, summary.Made); // everything but the Original
        Assert.Equal(1, summary.Skipped);
        Assert.All(plan.Cells, c => Assert.True(store.IsDone(c), c.Name));
        Assert.All(plan.Cells.Where(c => c.Role == CellRole.Unlearned), c =>
            Assert.InRange(store.Results(c).TryGet("Fine-tuning")!.PeakMemoryMiB, 1, 1 << 20));

        // Scores come from the stored φ alone, and agree with the scorer run on the same matrices.
        var result = AuditResult.Read(Path.Combine(store.FolderOf(plan.Cells[^1]), CellRunner.AuditResultFile));
        var method = Assert.Single(result.Methods);
        Assert.Equal("Fine-tuning", method.Label);
        Assert.Equal(3, method.N);
        Assert.Equal(result.ForgetImages, method.Images.Count);
        Assert.Equal(result.ForgetIdentities, method.Identities.Count);
        // F needs 6 models a side; at 3 it is missing with that reason, not a number the N cannot support.
        Assert.Null(method.Scores.Get(ForgettingQualityMetric.F).Value);
        Assert.Contains("at least 6 models a side", method.Scores.Get(ForgettingQualityMetric.F).Missing);
        Assert.InRange(method.Scores.Get(ULiraMetric.Auc).Value!.Value, 0, 1);
        Assert.NotNull(method.Scores.Get(SingleModelMetric.Attack).Value);
        Assert.Null(result.Null.Passed); // N = 3: halves too small, and the report says so
        Assert.Contains(result.Warnings, w => w.StartsWith("The null check did not run"));

        // A second run of the same plan makes nothing.
        Assert.Equal(0, new PlanRunner(store).Run(audit.Bench, jobs: 2, ct).Made);

        // A result file changed after the cell was done is named, not read: the done record holds its SHA-256.
        var stored = Path.Combine(store.FolderOf(original), RunStore.ModelsFolder, "original.json");
        File.WriteAllText(stored, "{");
        var error = Assert.Throws<InvalidDataException>(() => store.Models(original));
        Assert.StartsWith($"store cell {original.Name} ({original.Id}): {stored}: changed after it was written (SHA-256 ", error.Message);
    }

    [Fact]
    public void Should_refuse_data_the_plan_was_not_made_for_and_say_the_plan_must_be_made_again()
    {
        using var dir = new TempDirectory();
        using var audit = TinyAudit.Prepare(dir.Path);
        // A plan made elsewhere, or by a Lethe that fingerprinted file times: the same cells, another data fingerprint.
        var planned = audit.Plan with { DataFingerprint = "0123456789abcdef", DataFingerprints = null };
        using var bench = PlanBench.Open(planned);

        var refused = Assert.Throws<InvalidDataException>(() => bench.For(planned.Cells[0]));

        Assert.Contains("(0123456789abcdef)", refused.Message);
        Assert.EndsWith("make the plan again", refused.Message);
    }
}
