using System.Text.RegularExpressions;
using Lethe.Cluster;
using Lethe.Plans;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

public class PlanCommandTests
{
    [Fact]
    public void Should_write_an_audit_plan_with_absolute_paths_that_lethe_audit_would_run()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "p", "plan.json");
        var console = new TestConsole();

        var code = console.Run("plan", "audit", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--n", "3", "--methods", "finetune,ssd",
            "--threads", "1", "--cache", Path.Combine(dir.Path, "cache"), "--out", path);

        Assert.True(code == 0, console.Error.ToString());
        var plan = PlanFile.Read(path);
        // Fixed-original, N = 3: one Original, three Retrained, fine-tuning per seed, SSD once (it does not depend on its seed), the score.
        Assert.Equal(1 + 3 + 3 + 1 + 1, plan.Cells.Count);
        Assert.Equal(Path.Combine(dir.Path, "cache", "cells"), plan.Store);
        Assert.Equal(Path.Combine(dir.Path, "cache"), plan.Spec.CacheDirectory);
        Assert.Equal(1, plan.Spec.Threads);
        Assert.Contains($"wrote {path}: 9 cells (1 original, 3 retrained, 4 unlearned, 1 score) in 3 stages, 1 torch threads each", console.Output.ToString());

        // The same options through `lethe audit --dry-run` plan the same cells: a store is shared by both.
        var audit = new TestConsole();
        Assert.Equal(0, audit.Run("audit", "--dry-run", "--preset", "quick", "--image-size", "16", "--epochs", "1", "--n", "3", "--methods", "finetune,ssd",
            "--threads", "1", "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "a")));
        var planned = PlanFile.Read(Path.Combine(dir.Path, "a", "plan.json"));
        Assert.Equal(plan.Cells.Select(c => c.Id), planned.Cells.Select(c => c.Id));
        Assert.Equal(plan.Store, planned.Store);

        var show = new TestConsole();
        show.Console.Profile.Width = 200;
        Assert.Equal(0, show.Run("plan", "show", path));
        var text = show.Output.ToString();
        Assert.Matches(new Regex(@"│ 0 +│ original-s\d+ +│ original +│ ready +│"), text);
        Assert.Matches(new Regex(@"│ 4 +│ finetune-s\d+ +│ unlearned +│ waiting +│ for original-s\d+ +│"), text);
        Assert.Contains("0 done, 0 running, 0 failed, 4 ready, 5 waiting", text);
    }

    // A two-seed sweep of the audit preset (16 px) cut to one epoch and fine-tuning: 6 model cells, 3 report cells.
    [Fact]
    public void Should_write_a_benchmark_plan_that_plan_show_submit_run_cell_and_collect_work_on()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "sweep", "plan.json");
        var console = new TestConsole();

        var code = console.Run("plan", "benchmark", "--no-relearn", "--preset", "audit", "--epochs", "1", "--methods", "finetune", "--seeds", "2",
            "--threads", "1", "--jobs", "2", "--cache", Path.Combine(dir.Path, "cache"), "--out", path, "--estimate");

        Assert.True(code == 0, console.Error.ToString());
        // Nothing done yet: the base models are timed by a calibration on this machine, the method by a labelled guess.
        var estimated = string.Join(" ", console.Output.ToString().Split('\n', StringSplitOptions.TrimEntries));
        Assert.Matches(new Regex(@"estimated time: \d+:\d\d:\d\d with 2 jobs × 1 threads"), estimated);
        Assert.Matches(new Regex(@"Original: 1 epochs × \d+ images at the calibrated \d+ img/s"), estimated);
        Assert.Contains("finetune: no cell done yet, guessed at 25% of a Retrained model", estimated);
        Assert.Contains($"wrote {path}: 9 cells (2 original, 2 retrained, 2 unlearned, 3 score) in 4 stages, 1 torch threads each", console.Output.ToString());
        Assert.Contains($"results: {Path.Combine(dir.Path, "sweep", "seed-N")} per seed, the sweep's report in {Path.Combine(dir.Path, "sweep")}", console.Output.ToString());
        var plan = PlanFile.Read(path);
        Assert.Equal(["original-s42", "retrained-s42", "original-s43", "retrained-s43", "finetune-s42", "finetune-s43", "report-s42", "report-s43", "summary"],
            plan.Cells.Select(c => c.Name));

        var show = new TestConsole();
        show.Console.Profile.Width = 200;
        Assert.Equal(0, show.Run("plan", "show", path));
        Assert.Contains("benchmark · seeds 42, 43 (vary all) · 9 cells", show.Output.ToString());
        Assert.Contains("0 done, 0 running, 0 failed, 4 ready, 5 waiting", show.Output.ToString());

        var slurm = new TestConsole();
        Assert.Equal(0, slurm.Run("submit", "slurm", path, "--dry-run", "--lethe", "/opt/bin/lethe"));
        Assert.Equal(4, Regex.Matches(slurm.Output.ToString(), "#!/bin/bash").Count);

        // Workers make the models and seed 42's report; collect writes every report from the store.
        foreach (var cell in plan.Cells.Take(7)) Assert.Equal(CellExit.Done, new TestConsole().Run("run-cell", path, "--index", $"{cell.Index}", "--quiet"));
        Assert.True(File.Exists(Path.Combine(dir.Path, "sweep", "seed-42", "results.json")));
        Assert.False(File.Exists(Path.Combine(dir.Path, "sweep", "seed-43", "results.json")));
        var collect = new TestConsole();
        Assert.True(collect.Run("collect", path) == 0, collect.Error.ToString());

        Assert.Contains($"wrote the reports of 3 report cells in {Path.Combine(dir.Path, "sweep")}", collect.Output.ToString());
        Assert.Contains("| Fine-tuning |", collect.Output.ToString()); // the sweep's table, as `lethe benchmark --seeds` prints it
        foreach (var file in new[] { "seed-42/report.html", "seed-43/results.json", "seed-43/models/fine-tuning.phi.parquet", "report.html", "report.md", "report.tex" })
            Assert.True(File.Exists(Path.Combine(dir.Path, "sweep", file)), file);
        Assert.All(PlanStatus.Of(plan, PlanFile.StoreOf(plan)), c => Assert.Equal(CellState.Done, c.State));

        // A third seed on the same store: its cells are timed by the done cells of their kind, not calibrated again.
        var more = new TestConsole();
        Assert.Equal(0, more.Run("plan", "benchmark", "--no-relearn", "--preset", "audit", "--epochs", "1", "--methods", "finetune", "--seeds", "3",
            "--threads", "1", "--jobs", "2", "--cache", Path.Combine(dir.Path, "cache"), "--out", Path.Combine(dir.Path, "three", "plan.json"), "--estimate"));
        var basis = string.Join(" ", more.Output.ToString().Split('\n', StringSplitOptions.TrimEntries));
        Assert.Contains("Original: mean of 2 done cells", basis);
        Assert.Contains("Retrained: mean of 2 done cells", basis);
        Assert.Contains("finetune: mean of its done cells", basis);
        Assert.DoesNotContain("calibrated", basis);
    }

    [Fact]
    public void Should_print_the_stage_scripts_and_the_sbatch_chain_on_a_dry_run()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var path = Path.Combine(dir.Path, "plan.json");
        plan.Write(path);
        var console = new TestConsole();

        Assert.Equal(0, console.Run("submit", "slurm", path, "--dry-run", "--max-running", "3", "--partition", "short", "--lethe", "/opt/bin/lethe"));

        var text = console.Output.ToString();
        Assert.Equal(3, Regex.Matches(text, "#!/bin/bash").Count);
        Assert.Contains("#SBATCH --array=0-3%3", text);
        Assert.Contains("#SBATCH --partition=short", text);
        Assert.Contains($"/opt/bin/lethe run-cell {path} --index \"$cell\"", text);
        Assert.Contains($"job2=$(sbatch --parsable --dependency=afterok:${{job1%%;*}} --kill-on-invalid-dep=yes {Path.Combine(dir.Path, "slurm", "stage-2.sbatch")})", text);
        Assert.False(Directory.Exists(Path.Combine(dir.Path, "slurm"))); // a dry run writes nothing
    }

    [Fact]
    public void Should_refuse_gpus_for_a_plan_that_runs_on_the_cpu()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "plan.json");
        HandMadePlan.Create(dir.Path).Write(path);
        var console = new TestConsole();

        Assert.Equal(2, console.Run("submit", "slurm", path, "--dry-run", "--gpus-per-cell", "1"));

        Assert.Equal("lethe: --gpus-per-cell 1: the plan runs on cpu; plan it with --device cuda", console.Error.ToString().Trim());
    }
}
