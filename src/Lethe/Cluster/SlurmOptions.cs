namespace Lethe.Cluster;

/// <summary>How `lethe submit slurm` asks Slurm for the plan's cells.</summary>
/// <param name="Partition">sbatch --partition; null: the cluster's default.</param>
/// <param name="MaxRunning">At most this many tasks of a stage at once (the array's %K); null: no limit.</param>
/// <param name="GpusPerCell">GPUs per task (sbatch --gpus-per-task); 0 asks for none. The plan's device must then be
/// cuda, and the nodes need a CUDA LibTorch build.</param>
/// <param name="CpusPerCell">CPUs per task (sbatch --cpus-per-task); null: the plan's torch thread count, since each
/// cell runs with exactly that many threads (the count its results depend on).</param>
/// <param name="TimeLimit">sbatch --time per task ("2:00:00"); null: the partition's default.</param>
/// <param name="Retries">How often a task reruns its cell in place when the worker is killed by a signal (the OOM
/// killer, a kill -9) or finds it not ready, before the task fails.</param>
/// <param name="Wait">How long a task's worker waits for a cell's inputs or for another worker holding it (run-cell --wait).</param>
/// <param name="Lethe">The shell command that runs Lethe on a node (see <see cref="LetheInvocation"/>).</param>
/// <param name="JobName">The job name prefix; each stage's array is "&lt;name&gt;-s&lt;stage&gt;".</param>
/// <param name="RetryPause">The pause before a rerun in place (default 5 s: a file system settles, a lock's holder exits).</param>
public sealed record SlurmOptions(
    string? Partition = null,
    int? MaxRunning = null,
    int GpusPerCell = 0,
    int? CpusPerCell = null,
    string? TimeLimit = null,
    int Retries = 2,
    TimeSpan? Wait = null,
    string Lethe = "lethe",
    string JobName = "lethe",
    TimeSpan? RetryPause = null)
{
    /// <summary>The default of <see cref="Wait"/>: ten minutes.</summary>
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromMinutes(10);

    /// <exception cref="ArgumentException">A count out of range (named by its option).</exception>
    public void Validate()
    {
        if (MaxRunning is < 1) throw new ArgumentException($"--max-running {MaxRunning}: must be at least 1");
        if (GpusPerCell < 0) throw new ArgumentException($"--gpus-per-cell {GpusPerCell}: must be 0 or more");
        if (CpusPerCell is < 1) throw new ArgumentException($"--cpus-per-cell {CpusPerCell}: must be at least 1");
        if (Retries < 0) throw new ArgumentException($"--retries {Retries}: must be 0 or more");
        if (string.IsNullOrWhiteSpace(Lethe)) throw new ArgumentException("--lethe: empty command");
    }
}
