using System.Globalization;
using k8s;
using k8s.Models;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// A plan as a Kubernetes Indexed Job (completion index = cell index), built from the official client's models and
/// written with its own YAML serializer, for the shared-volume setup: every pod mounts one ReadWriteMany claim that
/// holds the plan, its store, cache and data, and runs `lethe run-cell PLAN --index &lt;its completion index&gt;`.
/// Kubernetes does not order the indices, so a cell whose inputs are not done waits (run-cell --wait) and then exits
/// 75, which the pod failure policy ignores (a new pod, not counted); a recorded failure (exit 1) or a bad command
/// (exit 2) fails its index at once; a killed pod counts against backoffLimitPerIndex.
/// </summary>
public static class KubernetesJob
{
    /// <summary>The container's name in the pod.</summary>
    public const string Container = "lethe";

    /// <summary>The Job.</summary>
    /// <param name="plan">The plan.</param>
    /// <param name="planPath">The plan file's absolute path, as the pods see it (under the mount path).</param>
    /// <param name="storeOverride">A store other than the plan's, or null.</param>
    /// <param name="options">Image, claim, resources, retries.</param>
    /// <exception cref="ArgumentException">A bad option, or a path of the plan outside the mounted volume (named).</exception>
    public static V1Job Build(Plan plan, string planPath, string? storeOverride, KubernetesOptions options)
    {
        options.Validate();
        var store = PlanFile.StoreOf(plan, storeOverride).Directory;
        foreach (var (what, path) in new[]
                 {
                     ("plan file", planPath), ("store", store), ("cache", plan.Spec.CacheDirectory), ("data", plan.Spec.DataDirectory),
                     ("Original file", plan.Spec.OriginalFile),
                 })
            if (path is not null && !IsUnder(path, options.MountPath))
                throw new ArgumentException($"the plan's {what} {path} is not under --mount-path {options.MountPath}: the pods would not see it; "
                    + "plan with the volume mounted at the same path on this machine");
        var wait = (int)Math.Ceiling((options.Wait ?? KubernetesOptions.DefaultWait).TotalSeconds);
        var arguments = new List<string> { "run-cell", planPath, "--index", "$(LETHE_CELL)", "--wait", wait.ToString(CultureInfo.InvariantCulture) };
        if (storeOverride is not null) arguments.AddRange(["--store", storeOverride]);
        var command = options.Lethe.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var cpus = options.CpusPerCell ?? plan.Spec.EffectiveThreads;
        var name = options.Name ?? $"lethe-{plan.Cells[^1].Id[..10]}";
        return new V1Job
        {
            ApiVersion = "batch/v1",
            Kind = "Job",
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = options.Namespace,
                Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "lethe", ["lethe/plan"] = plan.Cells[^1].Id },
            },
            Spec = new V1JobSpec
            {
                CompletionMode = "Indexed",
                Completions = plan.Cells.Count,
                Parallelism = options.Parallelism ?? plan.Cells.Count,
                BackoffLimitPerIndex = options.BackoffLimitPerIndex,
                PodFailurePolicy = FailurePolicy(),
                Template = new V1PodTemplateSpec
                {
                    Metadata = new V1ObjectMeta { Labels = new Dictionary<string, string> { ["app.kubernetes.io/name"] = "lethe" } },
                    Spec = new V1PodSpec
                    {
                        RestartPolicy = "Never", // what backoffLimitPerIndex and a pod failure policy require
                        Containers =
                        [
                            new V1Container
                            {
                                Name = Container,
                                Image = options.Image,
                                Command = command,
                                Args = arguments,
                                Env =
                                [
                                    // The completion index through the downward API, so that $(LETHE_CELL) in the args expands.
                                    new V1EnvVar
                                    {
                                        Name = "LETHE_CELL",
                                        ValueFrom = new V1EnvVarSource
                                        {
                                            FieldRef = new V1ObjectFieldSelector { FieldPath = "metadata.annotations['batch.kubernetes.io/job-completion-index']" },
                                        },
                                    },
                                ],
                                Resources = Resources(cpus, options.GpusPerCell),
                                VolumeMounts = [new V1VolumeMount { Name = "lethe-shared", MountPath = options.MountPath }],
                            },
                        ],
                        Volumes =
                        [
                            new V1Volume
                            {
                                Name = "lethe-shared",
                                PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = options.Claim },
                            },
                        ],
                    },
                },
            },
        };
    }

    /// <summary>The Job as YAML, by the client library's serializer.</summary>
    public static string Yaml(V1Job job) => KubernetesYaml.Serialize(job);

    private static V1PodFailurePolicy FailurePolicy() => new()
    {
        Rules =
        [
            new V1PodFailurePolicyRule
            {
                Action = "Ignore",
                OnExitCodes = new V1PodFailurePolicyOnExitCodesRequirement { ContainerName = Container, OperatorProperty = "In", Values = [CellExit.TryLater] },
            },
            new V1PodFailurePolicyRule
            {
                Action = "FailIndex",
                OnExitCodes = new V1PodFailurePolicyOnExitCodesRequirement { ContainerName = Container, OperatorProperty = "In", Values = [CellExit.Failed, CellExit.Usage] },
            },
            // Evicted or preempted: not the cell's fault; run it again without counting it.
            new V1PodFailurePolicyRule
            {
                Action = "Ignore",
                OnPodConditions = [new V1PodFailurePolicyOnPodConditionsPattern { Type = "DisruptionTarget", Status = "True" }],
            },
        ],
    };

    private static V1ResourceRequirements Resources(int cpus, int gpus)
    {
        var requests = new Dictionary<string, ResourceQuantity> { ["cpu"] = new(cpus.ToString(CultureInfo.InvariantCulture)) };
        var limits = gpus > 0 ? new Dictionary<string, ResourceQuantity> { ["nvidia.com/gpu"] = new(gpus.ToString(CultureInfo.InvariantCulture)) } : null;
        return new V1ResourceRequirements { Requests = requests, Limits = limits };
    }

    private static bool IsUnder(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative != ".." && !relative.StartsWith("../", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }
}
