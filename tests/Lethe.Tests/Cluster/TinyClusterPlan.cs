using ClusterShell = Lethe.Cluster.Shell;
using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Audit;

namespace Lethe.Tests.Cluster;

/// <summary>
/// The plan the cluster tests run: a fixed-original audit of the tiny run (16 px, a few people, 2 epochs, one torch
/// thread) with N = 3 and fine-tuning: 8 cells in 3 stages, a few seconds each.
/// </summary>
public static class TinyClusterPlan
{
    public static ExperimentSpec Spec(string root) =>
        TinyRun.Spec(Path.Combine(root, "out"), Path.Combine(root, "cache"), ["finetune"]) with { Jobs = 2, Threads = 1 };

    /// <summary>Writes the plan to root/plan.json with its store at root/<paramref name="store"/>; <paramref name="epochs"/>
    /// other than the tiny run's 2 for tests that only compare runs.</summary>
    public static (Plan Plan, string Path) Write(string root, string store = "store", int? epochs = null)
    {
        var spec = Spec(root) with { BaseEpochs = epochs ?? Spec(root).BaseEpochs };
        spec.Validate();
        using var data = DatasetFactory.Build(spec);
        var plan = AuditPlanner.Build(spec, AuditMode.FixedOriginal, 3, MethodPlan.Resolve(spec, data.Task), data.Fingerprint)
            with { Store = System.IO.Path.Combine(root, store) };
        var path = System.IO.Path.Combine(root, "plan.json");
        plan.Write(path);
        return (plan, path);
    }

    /// <summary>The CLI of this build, as a node would start it: the Lethe.Cli apphost beside the tests.</summary>
    public static string LetheCommand() => ClusterShell.Quote(System.IO.Path.Combine(AppContext.BaseDirectory, "Lethe.Cli"));
}
