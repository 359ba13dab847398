using System.Diagnostics;
using System.Runtime.Versioning;
using Lethe.Cluster;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

public class SlurmScriptTests
{
    [Theory]
    [InlineData(new[] { 0, 1, 2, 5, 7, 8 }, "0-2,5,7-8")]
    [InlineData(new[] { 7 }, "7")]
    [InlineData(new[] { 3, 1, 2, 2 }, "1-3")]
    public void Should_write_cell_indices_as_array_ranges(int[] indices, string expected) =>
        Assert.Equal(expected, SlurmScript.ArrayRanges(indices));

    [Fact]
    public void Should_ask_for_the_array_resources_and_logs_and_run_each_task_s_cell()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var options = new SlurmOptions(Partition: "gpu", MaxRunning: 4, GpusPerCell: 1, TimeLimit: "2:00:00", Lethe: "/opt/lethe/lethe");

        var script = SlurmScript.Render(plan, "/shared/my plan.json", null, 1, 3, plan.Cells.Skip(4).Take(3).ToArray(), options, "/shared/slurm/logs");

        var lines = script.Split('\n');
        Assert.Equal("#!/bin/bash", lines[0]);
        Assert.Contains("#SBATCH --job-name=lethe-s1", lines);
        Assert.Contains("#SBATCH --array=4-6%4", lines);
        Assert.Contains("#SBATCH --cpus-per-task=1", lines); // the plan's torch threads
        Assert.Contains("#SBATCH --gpus-per-task=1", lines);
        Assert.Contains("#SBATCH --partition=gpu", lines);
        Assert.Contains("#SBATCH --time=2:00:00", lines);
        Assert.Contains("#SBATCH --output=/shared/slurm/logs/cell-%a.log", lines);
        Assert.Contains("#SBATCH --requeue", lines);
        Assert.Contains("  /opt/lethe/lethe run-cell '/shared/my plan.json' --index \"$cell\" --wait 600", lines);
        Assert.Contains("# cells: 4 finetune-s42, 5 finetune-s43, 6 finetune-s44", lines);
    }

    [Fact]
    public void Should_leave_out_what_is_not_asked_for()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);

        var script = SlurmScript.Render(plan, "/p.json", "/other store", 0, 1, plan.Cells.Take(1).ToArray(), new SlurmOptions(CpusPerCell: 8), "/logs");

        Assert.Contains("#SBATCH --array=0\n", script);
        Assert.Contains("#SBATCH --cpus-per-task=8\n", script);
        Assert.DoesNotContain("--gpus", script);
        Assert.DoesNotContain("--partition", script);
        Assert.DoesNotContain("--time", script);
        Assert.Contains("run-cell /p.json --index \"$cell\" --wait 600 --store '/other store'", script);
    }

    // The task's retry loop, run by bash with a stand-in for lethe that exits with the codes given, one per attempt.
    [Theory]
    [InlineData("0", 2, 0, 1)]         // done at once
    [InlineData("137 0", 2, 0, 2)]     // killed (kill -9, OOM killer), rerun in place, done
    [InlineData("75 0", 2, 0, 2)]      // not ready yet, then done
    [InlineData("1 0", 2, 1, 1)]       // a recorded failure: rerunning would repeat it
    [InlineData("137 137 137 0", 2, 137, 3)] // killed every time: the task fails after 1 + retries attempts
    [SupportedOSPlatform("linux")] // File.SetUnixFileMode and bash: a Slurm task script runs on Linux, as Lethe (linux-x64) does
    public void Should_rerun_a_cell_whose_worker_was_killed_and_stop_at_a_failure(string codes, int retries, int expectedExit, int expectedAttempts)
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var attempts = Path.Combine(dir.Path, "attempts");
        var fake = Path.Combine(dir.Path, "fake-lethe");
        File.WriteAllText(fake, $$"""
            #!/bin/bash
            echo "$@" >> {{attempts}}
            codes=({{codes}})
            n=$(wc -l < {{attempts}})
            exit ${codes[$((n - 1))]}
            """);
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var options = new SlurmOptions(Retries: retries, Lethe: fake, RetryPause: TimeSpan.Zero);
        var script = Path.Combine(dir.Path, "stage.sbatch");
        File.WriteAllText(script, SlurmScript.Render(plan, "/p.json", null, 0, 1, plan.Cells.Take(4).ToArray(), options, "/logs"));

        var start = new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true };
        start.Environment["SLURM_ARRAY_TASK_ID"] = "3";
        start.Environment["SLURM_ARRAY_JOB_ID"] = "99";
        using var bash = Process.Start(start)!;
        var output = bash.StandardOutput.ReadToEnd();
        bash.WaitForExit();

        Assert.Equal(expectedExit, bash.ExitCode);
        var calls = File.ReadAllLines(attempts);
        Assert.Equal(expectedAttempts, calls.Length);
        Assert.All(calls, call => Assert.Equal("run-cell /p.json --index 3 --wait 600", call));
        Assert.Contains("lethe: cell 3 attempt 1, job 99_3 on", output);
    }
}
