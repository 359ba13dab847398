using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Audit;
using Lethe.Experiments;

namespace Lethe.Tests.Cluster;

/// <summary>
/// A plan in the shape of a fixed-original audit with N = 3 and one method, made by the planner from a fingerprint
/// given by hand (no data built, nothing trained), so that its cells are what its spec gives: original-s42;
/// retrained-s42…s44; finetune-s42…s44 on the Original; score on all seven.
/// </summary>
public static class HandMadePlan
{
    public static Plan Create(string root)
    {
        var spec = TinyRun.Spec(Path.Combine(root, "out"), Path.Combine(root, "cache"), ["finetune"]) with { Threads = 1, Jobs = 2 };
        return AuditPlanner.Build(spec, AuditMode.FixedOriginal, 3, MethodPlan.Resolve(spec, spec.Task()), "synthetic-fingerprint")
            with { Store = Path.Combine(root, "store") };
    }

    /// <summary>Marks a cell done the way <see cref="CellRunner"/> does, without making anything.</summary>
    public static void MarkDone(CellStore store, Cell cell) =>
        store.MarkDone(new CellDone(cell.Id, cell.Name, cell.Role, cell.Method, [], 1.5, 72, DateTimeOffset.UtcNow, Environment.MachineName), cell);
}
