using Lethe.IO;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// A plan as Slurm job arrays: one array per stage (a cell's stage is one past its deepest input's) holding the cells
/// not done yet, each stage after the previous one succeeded. Cells already done are left out, so submitting a plan
/// again after a failure submits only what is left.
/// </summary>
public sealed class SlurmSubmission
{
    private SlurmSubmission(IReadOnlyList<SlurmStage> stages) => Stages = stages;

    /// <summary>The stages to submit, in order (none when every cell is done).</summary>
    public IReadOnlyList<SlurmStage> Stages { get; }

    /// <summary>One job array.</summary>
    /// <param name="Number">Its position among the submitted stages (0 first).</param>
    /// <param name="Cells">Its cells (the tasks' ids are their indices).</param>
    /// <param name="ScriptPath">Where its script is written.</param>
    /// <param name="Script">The script.</param>
    public sealed record SlurmStage(int Number, IReadOnlyList<Cell> Cells, string ScriptPath, string Script);

    /// <summary>The scripts of the cells of <paramref name="plan"/> not done in <paramref name="store"/>.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan file (made absolute: the nodes read it).</param>
    /// <param name="store">The results store the cells go to.</param>
    /// <param name="storeOverride">A store other than the plan's to pass on to run-cell, or null.</param>
    /// <param name="options">Resources and retries.</param>
    /// <param name="folder">Where the scripts and the logs/ folder go (on the shared file system).</param>
    /// <exception cref="ArgumentException">A bad option, or a folder sbatch cannot name (whitespace in it).</exception>
    public static SlurmSubmission Prepare(Plan plan, string planPath, CellStore store, string? storeOverride, SlurmOptions options, string folder)
    {
        options.Validate();
        folder = Path.GetFullPath(folder);
        // #SBATCH lines are not parsed by a shell: a log path with whitespace cannot be written in them.
        if (folder.Any(char.IsWhiteSpace)) throw new ArgumentException($"--out {folder}: sbatch cannot take a log folder with whitespace in its path");
        var logs = Path.Combine(folder, "logs");
        var todo = PlanRunner.Stages(plan).Select(stage => stage.Where(c => !store.IsDone(c)).ToArray()).Where(s => s.Length > 0).ToArray();
        var stages = todo.Select((cells, i) =>
        {
            var script = SlurmScript.Render(plan, Path.GetFullPath(planPath), storeOverride, i, todo.Length, cells, options, logs);
            return new SlurmStage(i, cells, Path.Combine(folder, $"stage-{i}.sbatch"), script);
        }).ToArray();
        return new SlurmSubmission(stages);
    }

    /// <summary>Writes the scripts and makes the log folder.</summary>
    public void Write()
    {
        foreach (var stage in Stages)
        {
            AtomicFile.WriteAllText(stage.ScriptPath, stage.Script);
            Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(stage.ScriptPath)!, "logs"));
        }
    }

    /// <summary>Writes and submits the stages, each after the previous one; returns their job ids.</summary>
    /// <param name="submit">Submits one script after a job id (or none) and returns its id: <see cref="Sbatch.Submit"/>.</param>
    /// <exception cref="SchedulerException">A submission failed (the stages before it stay submitted).</exception>
    public IReadOnlyList<string> Submit(Func<string, string?, string> submit)
    {
        Write();
        var ids = new List<string>();
        foreach (var stage in Stages) ids.Add(submit(stage.ScriptPath, ids.LastOrDefault()));
        return ids;
    }

    /// <summary>The shell commands that would submit the stages (what --dry-run prints after the scripts).</summary>
    public IReadOnlyList<string> Commands() => Stages.Select(stage =>
        $"job{stage.Number}=$(sbatch {string.Join(" ", Sbatch.Arguments(Shell.Quote(stage.ScriptPath), stage.Number == 0 ? null : $"${{job{stage.Number - 1}%%;*}}"))})")
        .ToArray();
}
