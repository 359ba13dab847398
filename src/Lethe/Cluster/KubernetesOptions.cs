namespace Lethe.Cluster;

/// <summary>How `lethe submit k8s` asks Kubernetes for a plan's cells.</summary>
/// <param name="Image">The container image with Lethe installed (its `lethe` command on PATH, or <paramref name="Lethe"/>).</param>
/// <param name="Claim">The PersistentVolumeClaim every pod mounts: the shared file system of the plan, its store,
/// cache and data (ReadWriteMany, e.g. NFS or CephFS).</param>
/// <param name="MountPath">Where the claim is mounted in the pods. The plan's paths (its file, store, cache, data) must
/// lie under it, as they do on the machine that planned with the volume mounted at the same path.</param>
/// <param name="Parallelism">Pods at once (Job parallelism); null: every cell.</param>
/// <param name="BackoffLimitPerIndex">Reruns of a cell whose pod failed (killed, evicted) before the cell fails.</param>
/// <param name="GpusPerCell">nvidia.com/gpu per pod; 0 asks for none.</param>
/// <param name="CpusPerCell">CPU request per pod; null: the plan's torch thread count.</param>
/// <param name="Wait">How long a pod's worker waits for the cell's inputs (run-cell --wait); Kubernetes starts the
/// cells in index order but does not order them, so a cell whose inputs are still being made waits, and past the wait
/// exits 75, which the Job's pod failure policy ignores (a new pod, not counted as a failure).</param>
/// <param name="Lethe">The command that runs Lethe in the image.</param>
/// <param name="Name">The Job's name; null: "lethe-" and the start of the plan's score cell id.</param>
/// <param name="Namespace">The Job's namespace; null: the one kubectl uses.</param>
public sealed record KubernetesOptions(
    string Image,
    string Claim = "lethe",
    string MountPath = "/lethe",
    int? Parallelism = null,
    int BackoffLimitPerIndex = 2,
    int GpusPerCell = 0,
    int? CpusPerCell = null,
    TimeSpan? Wait = null,
    string Lethe = "lethe",
    string? Name = null,
    string? Namespace = null)
{
    /// <summary>The default of <see cref="Wait"/>: an hour, so that waiting pods sleep rather than churn.</summary>
    public static TimeSpan DefaultWait { get; } = TimeSpan.FromHours(1);

    /// <exception cref="ArgumentException">A value out of range (named by its option).</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Image)) throw new ArgumentException("--image: the container image is required");
        if (Parallelism is < 1) throw new ArgumentException($"--parallelism {Parallelism}: must be at least 1");
        if (BackoffLimitPerIndex < 0) throw new ArgumentException($"--backoff-limit-per-index {BackoffLimitPerIndex}: must be 0 or more");
        if (GpusPerCell < 0) throw new ArgumentException($"--gpus-per-cell {GpusPerCell}: must be 0 or more");
        if (CpusPerCell is < 1) throw new ArgumentException($"--cpus-per-cell {CpusPerCell}: must be at least 1");
        if (!MountPath.StartsWith('/')) throw new ArgumentException($"--mount-path {MountPath}: must be an absolute path");
        if (Name is not null && !System.Text.RegularExpressions.Regex.IsMatch(Name, "^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$"))
            throw new ArgumentException($"--name {Name}: a Job name is lower-case letters, digits and '-', at most 63, starting and ending alphanumeric");
    }
}
