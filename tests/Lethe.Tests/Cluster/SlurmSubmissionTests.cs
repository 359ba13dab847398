using Lethe.Cluster;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

public class SlurmSubmissionTests
{
    [Fact]
    public void Should_submit_one_array_per_stage_each_after_the_previous_one()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var planPath = Path.Combine(dir.Path, "plan.json");
        var calls = new List<(string Script, string? AfterOk)>();

        var submission = SlurmSubmission.Prepare(plan, planPath, PlanFile.StoreOf(plan), null, new SlurmOptions(Lethe: "lethe"), Path.Combine(dir.Path, "slurm"));
        var ids = submission.Submit((script, afterOk) => { calls.Add((script, afterOk)); return $"{100 + calls.Count}"; });

        Assert.Equal(["101", "102", "103"], ids);
        Assert.Equal([null, "101", "102"], calls.Select(c => c.AfterOk));
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6], [7]], submission.Stages.Select(s => s.Cells.Select(c => c.Index)));
        Assert.All(submission.Stages, s => Assert.Equal(s.Script, File.ReadAllText(s.ScriptPath)));
        Assert.True(Directory.Exists(Path.Combine(dir.Path, "slurm", "logs")));
        Assert.Equal(Path.Combine(dir.Path, "slurm", "stage-1.sbatch"), calls[1].Script);
    }

    [Fact]
    public void Should_submit_only_the_cells_not_done_and_drop_stages_left_empty()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        foreach (var cell in plan.Cells.Take(5)) HandMadePlan.MarkDone(store, cell);

        var submission = SlurmSubmission.Prepare(plan, "plan.json", store, null, new SlurmOptions(), Path.Combine(dir.Path, "slurm"));

        Assert.Equal([[5, 6], [7]], submission.Stages.Select(s => s.Cells.Select(c => c.Index)));
        Assert.Contains("#SBATCH --array=5-6\n", submission.Stages[0].Script);
        Assert.Contains($"run-cell {Path.GetFullPath("plan.json")} --index", submission.Stages[0].Script);
        Assert.Equal(
        [
            $"job0=$(sbatch --parsable {submission.Stages[0].ScriptPath})",
            $"job1=$(sbatch --parsable --dependency=afterok:${{job0%%;*}} --kill-on-invalid-dep=yes {submission.Stages[1].ScriptPath})",
        ], submission.Commands());

        foreach (var cell in plan.Cells.Skip(5)) HandMadePlan.MarkDone(store, cell);
        Assert.Empty(SlurmSubmission.Prepare(plan, "plan.json", store, null, new SlurmOptions(), Path.Combine(dir.Path, "slurm")).Stages);
    }

    [Theory]
    [InlineData("1234\n", "1234")]
    [InlineData("1234;cluster-a\n", "1234")]
    [InlineData("Submitted batch job 1234\n", null)]
    [InlineData("", null)]
    public void Should_read_the_job_id_that_sbatch_parsable_prints(string output, string? expected) =>
        Assert.Equal(expected, Sbatch.ParseJobId(output));

    [Fact]
    public void Should_refuse_counts_out_of_range_and_a_log_folder_sbatch_cannot_name()
    {
        using var dir = new TempDirectory();
        var plan = HandMadePlan.Create(dir.Path);
        var store = PlanFile.StoreOf(plan);
        Assert.Contains("--max-running 0", Assert.Throws<ArgumentException>(() =>
            SlurmSubmission.Prepare(plan, "p.json", store, null, new SlurmOptions(MaxRunning: 0), dir.Path)).Message);
        Assert.Contains("whitespace", Assert.Throws<ArgumentException>(() =>
            SlurmSubmission.Prepare(plan, "p.json", store, null, new SlurmOptions(), Path.Combine(dir.Path, "my slurm"))).Message);
    }

    [Theory]
    [InlineData("/usr/bin/dotnet", "/usr/bin/dotnet")]
    [InlineData("/my dir/Lethe.Cli.dll", "'/my dir/Lethe.Cli.dll'")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$HOME", "'$HOME'")]
    public void Should_quote_words_for_the_shell(string word, string expected) => Assert.Equal(expected, Shell.Quote(word));
}
