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
