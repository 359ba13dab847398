using Lethe.Audit;
using Lethe.Experiments;

namespace Lethe.Plans;

/// <summary>
/// The plan of a pool of K Retrained models on seeds s₀ … s_{K−1} = seed, seed + 1, … (`lethe evaluate --pool K`): the
/// very cells an audit of the same spec makes for its Retrained pool (<see cref="AuditPlanner"/>), with the same ids, so
/// a pool and an audit on one store train each model once.
/// </summary>
public static class PoolPlanner
{
    /// <summary>The plan: K Retrained cells, no score cell.</summary>
    /// <param name="spec">The frozen spec (validated); its thread and job counts are resolved into the plan as an audit's are.</param>
    /// <param name="k">Pool models (at least <see cref="MinimumK"/>).</param>
    /// <param name="dataFingerprint">The fingerprint of the spec's data: hashed into each cell id, so a pool made on other
    /// data is never taken for this one.</param>
    /// <exception cref="ArgumentException">K below <see cref="MinimumK"/>.</exception>
    public static Plan Build(ExperimentSpec spec, int k, string dataFingerprint)
    {
        RequireSize(k, $"--pool {k}");
        spec = spec with { Threads = spec.EffectiveThreads, Jobs = spec.EffectiveJobs };
        var core = CellIds.SpecCore(spec, CellRole.Retrained);
        var cells = Enumerable.Range(0, k).Select(i =>
        {
            var seed = spec.Seed + i;
            return new Cell(i, CellIds.Of(core, dataFingerprint, CellRole.Retrained, seed, null, null, []), CellRole.Retrained,
                $"retrained-s{seed}", seed, null, null, []);
        }).ToArray();
        return new Plan(Plan.PoolKind, AuditMode.FixedOriginal, k, spec, dataFingerprint, cells);
    }

    /// <summary>The smallest pool: one model has no spread to judge another against.</summary>
    public const int MinimumK = 2;

    /// <summary>Refuses a pool of fewer than <see cref="MinimumK"/> models, naming <paramref name="option"/> as the user gave it.</summary>
    /// <exception cref="ArgumentException">K below <see cref="MinimumK"/>.</exception>
    public static void RequireSize(int k, string option)
    {
        var gaussian = PersonMembershipOptions.Default.SmallestGaussianPool;
        if (k < MinimumK)
            throw new ArgumentException($"{option}: a pool of {k} model{(k == 1 ? "" : "s")}; the per-person test needs at least {MinimumK} "
                + $"Retrained models (below {gaussian} each image is scored by its rank among them, from {gaussian} by a Gaussian z)");
    }
}
