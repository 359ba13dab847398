using Lethe.Experiments;
using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Audit;

namespace Lethe.Tests.Plans;

/// <summary>An audit small enough for a unit test: the tiny run's people at 16 px, 2 epochs of one step, one thread, N = 3.</summary>
public static class TinyAudit
{
    public static ExperimentSpec Spec(string root, params string[] methods) =>
        TinyRun.Spec(Path.Combine(root, "out"), Path.Combine(root, "cache"), methods) with { BaseEpochs = 2, Jobs = 2, Threads = 1 };

    public static AuditRun Prepare(string root, AuditMode mode = AuditMode.FixedOriginal, int n = 3, params string[] methods) =>
        AuditRun.Prepare(Spec(root, methods.Length == 0 ? ["finetune"] : methods), mode, n, Path.Combine(root, "store"));
}
