using Lethe.Audit.Metrics;
using Lethe.Evaluation;
using Lethe.Experiments;
using Lethe.Numerics;
using Lethe.Unlearning;

namespace Lethe.Audit;

/// <summary>
/// Scores a finished audit plan from its stored φ and results alone: no model is loaded or run, so new scores over old
/// audits cost seconds. Each method's pool, the null check's two halves of the Retrained pool and a pool of Originals
/// get every registered score (<see cref="Metrics.AuditMetricRegistry"/>: over forget, retain and unseen); the null and
/// Original checks head the warnings when they fail.
/// </summary>
public static class AuditScorer
{
    /// <summary>What a seedless method's one model counted <paramref name="n"/> times gets in fixed-original mode, naming
    /// ε and F only where <paramref name="n"/> supports them (<see cref="ForgettingQuality.MinimumModels"/>).</summary>
    public static string ExposedByConstruction(int n) =>
        ForgettingQuality.Unresolved(n) is null ? "every forget image gets ε = 50 and F = 0" : "it looks exposed";

    /// <summary>Scores an audit of <paramref name="mode"/> with <paramref name="n"/> models a side from its pools.</summary>
    /// <param name="spec">The audit's frozen spec (its dataset, task, image size and seed head the result).</param>
    /// <param name="dataFingerprint">The fingerprint of the data every model was made on.</param>
    internal static AuditResult Score(AuditMode mode, int n, ExperimentSpec spec, string dataFingerprint, PhiPools pools, AuditCost cost)
    {
        var retrained = pools.Where(CellRole.Retrained);
        var originals = pools.Where(CellRole.Original);
        var forget = PhiColumns.Of(retrained[0], PhiSets.Forget);
        var retain = PhiColumns.Of(retrained[0], PhiSets.Retain);
        var unseen = PhiColumns.Of(retrained[0], PhiSets.Unseen);

        var methods = new List<MethodAudit>();
        var unlearned = pools.Where(CellRole.Unlearned);
        foreach (var label in unlearned.Select(m => m.Label).Distinct())
        {
            var models = unlearned.Where(m => m.Label == label).ToArray();
            var method = MethodRegistry.Get(models[0].Method!);
            // A seedless method in fixed-original mode made one model: the pool is that model N times.
            var pool = models.Length == 1 && n > 1 ? Enumerable.Repeat(models[0], n).ToArray() : models;
            methods.Add(MethodAudit.Of(label, method.Key, method.DependsOnSeed, pool, retrained, forget, retain, unseen));
        }

        var nullCheck = NullCheck.Of(retrained, forget, retain, unseen);
        var originalCheck = mode == AuditMode.Population
            ? OriginalCheck.OfPool(originals, retrained, forget, retain, unseen)
            : OriginalCheck.OfOne(originals[0], retrained, forget, unseen);
        // Every KLoM is read against the null row's: all of them go when it is itself at the cap.
        var klom = KlomSaturation.Of(nullCheck.Scores, nullCheck.ModelsPerHalf, n);
        methods = methods.Select(klom.Apply).ToList();
        nullCheck = nullCheck with { Scores = klom.Apply(nullCheck.Scores, nullCheck.ModelsPerHalf) };
        originalCheck = originalCheck with { Scores = klom.Apply(originalCheck.Scores, originalCheck.Originals) };
        var warnings = new List<string>();
        if (nullCheck.Passed == false) warnings.Add("This audit failed its own null check: " + nullCheck.Verdict);
        if (nullCheck.Passed is null) warnings.Add("The null check did not run: " + nullCheck.Verdict);
        if (!originalCheck.Passed) warnings.Add("The Original check failed: " + originalCheck.Verdict);
        foreach (var seedless in methods.Where(m => !m.DependsOnSeed).Select(m => m.Label))
            warnings.Add(mode == AuditMode.FixedOriginal
                ? $"{seedless} does not depend on its seed: in fixed-original mode its {n} models are one model, so {ExposedByConstruction(n)} by construction, whatever it forgets"
                : $"{seedless} does not depend on its seed: its spread here comes from the {n} Originals alone");

        foreach (var label in unlearned.Where(m => m.Result.IsStartingModel).Select(m => m.Label).Distinct())
        {
            var idle = unlearned.Where(m => m.Label == label && m.Result.IsStartingModel).ToArray();
            var why = idle[0].Result.TookNoStep
                ? $"took no optimiser step (full batches of {spec.UnlearnBatchSize ?? UnlearningContext.DefaultBatchSize} only, {forget.Names.Count} forget images)"
                : "changed no weight";
            warnings.Add($"{label}: {idle.Length} of its models {why}, so they are their Original and its scores say nothing about the method");
        }

        var verdicts = new List<LabelPersonVerdicts>
        {
            LabelPersonVerdicts.Of("Retrained (null, leave one out)", retrained, retrained, forget, unseen),
            LabelPersonVerdicts.Of("Original", originals, retrained, forget, unseen),
        };
        verdicts.AddRange(unlearned.Select(m => m.Label).Distinct().Select(label =>
            LabelPersonVerdicts.Of(label, unlearned.Where(m => m.Label == label).ToArray(), retrained, forget, unseen)));

        return new AuditResult(mode.Name(), n, spec.Dataset, spec.TaskKind,
            spec.ImageSize, spec.Seed, dataFingerprint, forget.Names.Count, forget.Identities.Distinct().Count(),
            nullCheck, originalCheck, methods, warnings, cost) { PersonVerdicts = verdicts };
    }
}
