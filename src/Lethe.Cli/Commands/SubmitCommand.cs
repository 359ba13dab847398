using System.CommandLine;
using Lethe.Cli.Rendering;
using Lethe.Cluster;
using Spectre.Console;

namespace Lethe.Cli.Commands;

/// <summary>`lethe submit slurm|k8s PLAN`: the plan's cells as Slurm job arrays (one per stage) or a Kubernetes Indexed Job.</summary>
internal static class SubmitCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var command = new Command("submit", "Hand a plan's cells to a cluster engine; every worker runs `lethe run-cell` on a store they share.");
        command.Subcommands.Add(Slurm(console));
        command.Subcommands.Add(Kubernetes(console));
        return command;
    }

    private static Command Kubernetes(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file on the volume the pods mount" };
        var image = new Option<string>("--image") { Description = "Container image with Lethe installed", Required = true };
        var claim = new Option<string>("--claim") { Description = "PersistentVolumeClaim (ReadWriteMany) holding the plan, store, cache and data (default lethe)", DefaultValueFactory = _ => "lethe" };
        var mountPath = new Option<string>("--mount-path") { Description = "Where the pods mount it; the plan's paths must lie under it (default /lethe)", DefaultValueFactory = _ => "/lethe" };
        var parallelism = new Option<int?>("--parallelism") { Description = "Pods at once (default: every cell)" };
        var backoff = new Option<int>("--backoff-limit-per-index") { Description = "Reruns of a cell whose pod was killed (default 2)", DefaultValueFactory = _ => 2 };
        var gpus = new Option<int>("--gpus-per-cell") { Description = "nvidia.com/gpu per pod (needs a plan made with --device cuda)", DefaultValueFactory = _ => 0 };
        var cpus = new Option<int?>("--cpus-per-cell") { Description = "CPU request per pod (default: the plan's torch threads)" };
        var wait = new Option<double?>("--wait") { Description = "Seconds a pod waits for its cell's inputs before exiting 75 (default 3600)" };
        var lethe = new Option<string>("--lethe") { Description = "The command that runs Lethe in the image (default lethe)", DefaultValueFactory = _ => "lethe" };
        var name = new Option<string?>("--name") { Description = "Job name (default lethe-<start of the plan's id>)" };
        var space = new Option<string?>("--namespace") { Description = "Job namespace (default: kubectl's)" };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var output = new Option<string?>("--out") { Description = "The YAML file to write (default: job.yaml beside the plan)", HelpName = "FILE" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the YAML; write nothing" };
        var command = new Command("k8s",
            "Render a plan as a Kubernetes Indexed Job (completion index = cell index) for a shared volume, and write it for `kubectl apply -f`.")
        {
            planPath, image, claim, mountPath, parallelism, backoff, gpus, cpus, wait, lethe, name, space, store, output, dryRun,
        };
        command.SetAction(parsed =>
        {
            var path = Path.GetFullPath(parsed.GetValue(planPath)!);
            var plan = PlanFile.Read(path);
            var options = new KubernetesOptions(parsed.GetValue(image)!, parsed.GetValue(claim)!, parsed.GetValue(mountPath)!, parsed.GetValue(parallelism),
                parsed.GetValue(backoff), parsed.GetValue(gpus), parsed.GetValue(cpus), parsed.GetValue(wait) is { } s ? TimeSpan.FromSeconds(s) : null,
                parsed.GetValue(lethe)!, parsed.GetValue(name), parsed.GetValue(space));
            RequireCudaFor(options.GpusPerCell, plan);
            var yaml = KubernetesJob.Yaml(KubernetesJob.Build(plan, path, parsed.GetValue(store), options));
            if (parsed.GetValue(dryRun))
            {
                console.PlainText(yaml);
                return LetheApp.Ok;
            }
            var file = Path.GetFullPath(OutputPaths.File("--out", parsed.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(path)!, "job.yaml")));
            Lethe.IO.AtomicFile.WriteAllText(file, yaml);
            console.PlainLine($"wrote {file}: an Indexed Job of {plan.Cells.Count} cells; submit it with: kubectl apply -f {file}");
            return LetheApp.Ok;
        });
        return command;
    }

    /// <exception cref="ArgumentException">GPUs asked for a plan that runs on the CPU.</exception>
    private static void RequireCudaFor(int gpus, Lethe.Plans.Plan plan)
    {
        if (gpus > 0 && !plan.Spec.Device.StartsWith("cuda", StringComparison.Ordinal))
            throw new ArgumentException($"--gpus-per-cell {gpus}: the plan runs on {plan.Spec.Device}; plan it with --device cuda");
    }

    private static Command Slurm(IAnsiConsole console)
    {
        var planPath = new Argument<string>("PLAN") { Description = "A plan file on the file system the nodes share" };
        var partition = new Option<string?>("--partition") { Description = "Slurm partition (default: the cluster's)" };
        var maxRunning = new Option<int?>("--max-running") { Description = "At most K tasks of a stage at once (the array's %K)", HelpName = "K" };
        var gpus = new Option<int>("--gpus-per-cell") { Description = "GPUs per cell (needs a plan made with --device cuda)", DefaultValueFactory = _ => 0 };
        var cpus = new Option<int?>("--cpus-per-cell") { Description = "CPUs per cell (default: the plan's torch threads, the count its results depend on)" };
        var time = new Option<string?>("--time") { Description = "Time limit per cell, sbatch's format (e.g. 2:00:00)" };
        var retries = new Option<int>("--retries") { Description = "Reruns in place of a cell whose worker was killed by a signal (default 2)", DefaultValueFactory = _ => 2 };
        var wait = new Option<double?>("--wait") { Description = "Seconds a worker waits for inputs or another worker's cell (default 600)" };
        var lethe = new Option<string?>("--lethe")
        {
            Description = "Shell command that runs Lethe on a node (default: this very program, by absolute path: the installed tool, or dotnet with Lethe.Cli.dll)",
        };
        var store = new Option<string?>("--store") { Description = "Results store (default: the one the plan names)" };
        var output = new Option<string?>("--out") { Description = "Folder for the scripts and logs/ (default: slurm/ beside the plan)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the scripts and the sbatch commands; submit nothing" };
        var command = new Command("slurm",
            "Submit a plan as Slurm job arrays: one array per stage (task id = cell index), each stage after the previous one succeeded, "
            + "one log per cell, requeueable; only cells not done are submitted, so submitting again resumes.")
        {
            planPath, partition, maxRunning, gpus, cpus, time, retries, wait, lethe, store, output, dryRun,
        };
        command.SetAction(parsed =>
        {
            var path = Path.GetFullPath(parsed.GetValue(planPath)!);
            var plan = PlanFile.Read(path);
            var cellStore = PlanFile.StoreOf(plan, parsed.GetValue(store));
            var options = new SlurmOptions(parsed.GetValue(partition), parsed.GetValue(maxRunning), parsed.GetValue(gpus), parsed.GetValue(cpus),
                parsed.GetValue(time), parsed.GetValue(retries), parsed.GetValue(wait) is { } s ? TimeSpan.FromSeconds(s) : null,
                parsed.GetValue(lethe) ?? LetheInvocation.Current());
            RequireCudaFor(options.GpusPerCell, plan);
            var folder = OutputPaths.Folder("--out", parsed.GetValue(output) ?? Path.Combine(Path.GetDirectoryName(path)!, "slurm"));
            var submission = SlurmSubmission.Prepare(plan, path, cellStore, parsed.GetValue(store), options, folder);
            if (submission.Stages.Count == 0)
            {
                console.PlainLine($"every cell of {path} is done: nothing to submit (`lethe collect` builds the report)");
                return LetheApp.Ok;
            }
            if (parsed.GetValue(dryRun))
            {
                foreach (var stage in submission.Stages)
                {
                    console.PlainLine($"# ---- {stage.ScriptPath}");
                    console.PlainText(stage.Script);
                }
                console.PlainLine("# ---- submit (dry run: nothing submitted)");
                foreach (var line in submission.Commands()) console.PlainLine(line);
                return LetheApp.Ok;
            }
            var ids = submission.Submit(Sbatch.Submit);
            foreach (var stage in submission.Stages)
                console.PlainLine($"stage {stage.Number + 1}/{submission.Stages.Count}: job {ids[stage.Number]}, {stage.Cells.Count} cell{(stage.Cells.Count == 1 ? "" : "s")} "
                    + $"({SlurmScript.ArrayRanges(stage.Cells.Select(c => c.Index))}), {stage.ScriptPath}");
            console.PlainLine($"logs: {Path.Combine(Path.GetFullPath(folder), "logs")}/cell-<index>.log; watch: lethe plan show {path}");
            return LetheApp.Ok;
        });
        return command;
    }
}
