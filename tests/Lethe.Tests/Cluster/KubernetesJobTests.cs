using k8s;
using k8s.Models;
using Lethe.Cluster;
using Lethe.Tests.Support;

namespace Lethe.Tests.Cluster;

/// <summary>
/// No Kubernetes cluster can be had here: the rendered Job is checked against the schema the official client knows
/// (its YAML read back strictly into the client's model types, where an unknown or misspelled field fails) and field by
/// field against what an Indexed Job of the plan must say.
/// </summary>
public class KubernetesJobTests
{
    private static readonly string Root = "/lethe/audit";

    /// <summary>A placeholder folder outside the volume mounted at /lethe (not any machine's real path).</summary>
    private const string Outside = "/not-on-the-volume";

    [Fact]
    public void Should_render_an_indexed_job_with_one_completion_per_cell_that_the_client_reads_back_strictly()
    {
        var plan = HandMadePlan.Create(Root);
        var options = new KubernetesOptions("registry.example/lethe:0.1", Parallelism: 3, GpusPerCell: 0);

        var yaml = KubernetesJob.Yaml(KubernetesJob.Build(plan, $"{Root}/plan.json", null, options));
        var job = KubernetesYaml.Deserialize<V1Job>(yaml, strict: true);

        Assert.Equal(("batch/v1", "Job"), (job.ApiVersion, job.Kind));
        Assert.Equal($"lethe-{plan.Cells[^1].Id[..10]}", job.Metadata.Name);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(8, job.Spec.Completions);
        Assert.Equal(3, job.Spec.Parallelism);
        Assert.Equal(2, job.Spec.BackoffLimitPerIndex);
        var pod = job.Spec.Template.Spec;
        Assert.Equal("Never", pod.RestartPolicy);
        var container = Assert.Single(pod.Containers);
        Assert.Equal("registry.example/lethe:0.1", container.Image);
        Assert.Equal(["lethe"], container.Command);
        Assert.Equal(["run-cell", $"{Root}/plan.json", "--index", "$(LETHE_CELL)", "--wait", "3600"], container.Args);
        var index = Assert.Single(container.Env);
        Assert.Equal(("LETHE_CELL", "metadata.annotations['batch.kubernetes.io/job-completion-index']"), (index.Name, index.ValueFrom.FieldRef.FieldPath));
        Assert.Equal("1", container.Resources.Requests["cpu"].ToString()); // the plan's torch threads
        Assert.Null(container.Resources.Limits);
        var mount = Assert.Single(container.VolumeMounts);
        var volume = Assert.Single(pod.Volumes);
        Assert.Equal((volume.Name, "/lethe"), (mount.Name, mount.MountPath));
        Assert.Equal("lethe", volume.PersistentVolumeClaim.ClaimName);
        var rules = job.Spec.PodFailurePolicy.Rules;
        Assert.Equal(["Ignore", "FailIndex", "Ignore"], rules.Select(r => r.Action));
        Assert.Equal([CellExit.TryLater], rules[0].OnExitCodes.Values);
        Assert.Equal([CellExit.Failed, CellExit.Usage], rules[1].OnExitCodes.Values);
        Assert.All(rules.Take(2), r => Assert.Equal(("lethe", "In"), (r.OnExitCodes.ContainerName, r.OnExitCodes.OperatorProperty)));
        Assert.Equal("DisruptionTarget", Assert.Single(rules[2].OnPodConditions).Type);
        // The serializer's own spelling of the fields a cluster reads.
        Assert.Contains("completionMode: Indexed", yaml);
        Assert.Contains("backoffLimitPerIndex: 2", yaml);
        Assert.Contains("claimName: lethe", yaml);
        // The strict read is a schema check that bites: a field the client's types lack fails it.
        Assert.ThrowsAny<Exception>(() => KubernetesYaml.Deserialize<V1Job>(yaml.Replace("backoffLimitPerIndex", "backofLimitPerIndex"), strict: true));
    }

    [Fact]
    public void Should_ask_for_gpus_and_pass_another_store_and_command()
    {
        var plan = HandMadePlan.Create(Root);
        var options = new KubernetesOptions("img", GpusPerCell: 2, CpusPerCell: 4, Lethe: "dotnet /app/Lethe.Cli.dll", Name: "my-audit",
            Namespace: "research", Wait: TimeSpan.FromSeconds(90));

        var job = KubernetesYaml.Deserialize<V1Job>(KubernetesJob.Yaml(KubernetesJob.Build(plan, $"{Root}/plan.json", "/lethe/other-store", options)), strict: true);

        var container = job.Spec.Template.Spec.Containers[0];
        Assert.Equal(("my-audit", "research"), (job.Metadata.Name, job.Metadata.NamespaceProperty));
        Assert.Equal(["dotnet", "/app/Lethe.Cli.dll"], container.Command);
        Assert.Equal(["run-cell", $"{Root}/plan.json", "--index", "$(LETHE_CELL)", "--wait", "90", "--store", "/lethe/other-store"], container.Args);
        Assert.Equal("2", container.Resources.Limits["nvidia.com/gpu"].ToString());
        Assert.Equal("4", container.Resources.Requests["cpu"].ToString());
        Assert.Equal(8, job.Spec.Parallelism); // every cell at once by default
    }

    [Fact]
    public void Should_refuse_a_plan_whose_paths_the_pods_would_not_see()
    {
        var plan = HandMadePlan.Create($"{Outside}/audit");

        var error = Assert.Throws<ArgumentException>(() => KubernetesJob.Build(plan, $"{Outside}/audit/plan.json", null, new KubernetesOptions("img")));

        Assert.StartsWith($"the plan's plan file {Outside}/audit/plan.json is not under --mount-path /lethe", error.Message);
        var inside = HandMadePlan.Create(Root);
        var given = inside with { Spec = inside.Spec with { OriginalFile = $"{Outside}/given.pth" } };
        Assert.StartsWith($"the plan's Original file {Outside}/given.pth is not under --mount-path /lethe",
            Assert.Throws<ArgumentException>(() => KubernetesJob.Build(given, $"{Root}/plan.json", null, new KubernetesOptions("img"))).Message);
        Assert.Contains("--name Bad_Name", Assert.Throws<ArgumentException>(() =>
            KubernetesJob.Build(HandMadePlan.Create(Root), $"{Root}/plan.json", null, new KubernetesOptions("img", Name: "Bad_Name"))).Message);
    }

    [Fact]
    public void Should_print_the_yaml_on_a_dry_run_and_write_it_otherwise()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "plan.json");
        HandMadePlan.Create(dir.Path).Write(path);
        var console = new TestConsole();

        Assert.Equal(0, console.Run("submit", "k8s", path, "--image", "img", "--mount-path", dir.Path, "--dry-run"));

        var job = KubernetesYaml.Deserialize<V1Job>(console.Output.ToString(), strict: true);
        Assert.Equal(8, job.Spec.Completions);
        Assert.False(File.Exists(Path.Combine(dir.Path, "job.yaml")));

        var write = new TestConsole();
        Assert.Equal(0, write.Run("submit", "k8s", path, "--image", "img", "--mount-path", dir.Path));
        Assert.Equal(console.Output.ToString(), File.ReadAllText(Path.Combine(dir.Path, "job.yaml")));
        Assert.Contains($"kubectl apply -f {Path.Combine(dir.Path, "job.yaml")}", write.Output.ToString());
    }
}
