using System.Globalization;
using System.Text;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// The sbatch script of one stage of a plan: a job array whose task ids are the cell indices, each task running
/// `lethe run-cell PLAN --index $SLURM_ARRAY_TASK_ID`, one log per cell (appended to across attempts and requeues),
/// requeueable. The order between stages is not in the script but in the sbatch call (--dependency=afterok:&lt;previous
/// stage&gt;, see <see cref="SlurmSubmission"/>), since a job id is known only once submitted.
/// </summary>
public static class SlurmScript
{
    /// <summary>The script.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan file's absolute path (the nodes read it).</param>
    /// <param name="store">A results store other than the plan's, or null.</param>
    /// <param name="stage">The stage number (0 first).</param>
    /// <param name="stages">How many stages are submitted.</param>
    /// <param name="cells">The cells of this stage to run.</param>
    /// <param name="options">The resources and retries.</param>
    /// <param name="logDirectory">The folder of the per-cell logs (absolute).</param>
    public static string Render(Plan plan, string planPath, string? store, int stage, int stages, IReadOnlyList<Cell> cells,
        SlurmOptions options, string logDirectory)
    {
        var cpus = options.CpusPerCell ?? plan.Spec.EffectiveThreads;
        var wait = (int)Math.Ceiling((options.Wait ?? SlurmOptions.DefaultWait).TotalSeconds);
        var pause = (int)Math.Ceiling((options.RetryPause ?? TimeSpan.FromSeconds(5)).TotalSeconds);
        var text = new StringBuilder();
        text.Append($"""
            #!/bin/bash
            # Lethe: stage {stage + 1} of {stages} of the plan {planPath}
            # cells: {string.Join(", ", cells.Select(c => $"{c.Index} {c.Name}"))}
            # Written by `lethe submit slurm`; submitting the plan again submits only the cells not done.
            #SBATCH --job-name={options.JobName}-s{stage}
            #SBATCH --array={ArrayRanges(cells.Select(c => c.Index))}{(options.MaxRunning is { } k ? $"%{k}" : "")}
            #SBATCH --ntasks=1
            #SBATCH --cpus-per-task={cpus}

            """);
        if (options.GpusPerCell > 0) text.Append($"#SBATCH --gpus-per-task={options.GpusPerCell}\n");
        if (options.Partition is { } partition) text.Append($"#SBATCH --partition={partition}\n");
        if (options.TimeLimit is { } time) text.Append($"#SBATCH --time={time}\n");
        var storeOption = store is null ? "" : $" --store {Shell.Quote(store)}";
        text.Append($$"""
            #SBATCH --output={{logDirectory}}/cell-%a.log
            #SBATCH --open-mode=append
            #SBATCH --requeue

            # run-cell exits 0 when the cell is done, 75 when it could not start yet (inputs not done, or another worker
            # holds it, after --wait), 1 on a failure it records in the store (rerunning repeats it), and above 128 when a
            # signal killed it (the OOM killer, kill -9): those last two kinds are rerun here, in place, so one killed
            # worker does not fail the array and with it every later stage. A rerun resumes a base model at its last
            # finished epoch; the cell's lock keeps two workers from making the same model.
            cell=$SLURM_ARRAY_TASK_ID
            for attempt in $(seq 1 {{options.Retries + 1}}); do
              echo "lethe: cell $cell attempt $attempt, job ${SLURM_ARRAY_JOB_ID}_${cell} on $(hostname), restart ${SLURM_RESTART_COUNT:-0}, $(date -u +%FT%TZ)"
              {{options.Lethe}} run-cell {{Shell.Quote(planPath)}} --index "$cell" --wait {{wait.ToString(CultureInfo.InvariantCulture)}}{{storeOption}}
              status=$?
              echo "lethe: cell $cell attempt $attempt exit $status, $(date -u +%FT%TZ)"
              if [[ $status -eq 0 ]]; then exit 0; fi
              if [[ $status -ne 75 && $status -le 128 ]]; then exit "$status"; fi
              sleep {{pause.ToString(CultureInfo.InvariantCulture)}}
            done
            exit "$status"

            """);
        return text.ToString();
    }

    /// <summary>Indices as sbatch --array ranges: 0,1,2,5,7,8 → "0-2,5,7-8".</summary>
    public static string ArrayRanges(IEnumerable<int> indices)
    {
        var sorted = indices.Distinct().Order().ToArray();
        if (sorted.Length == 0) throw new ArgumentException("an array needs at least one task");
        var parts = new List<string>();
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j + 1 < sorted.Length && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(",", parts);
    }
}
