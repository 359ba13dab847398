using Lethe.Models;
using Lethe.Unlearning;

namespace Lethe.Experiments;

/// <summary>
/// The methods a spec asks for, in order, each with its hyper-parameters: the variant's defaults, then the spec's
/// reference quirks, then the overrides. Resolved before any training, so an unknown method or a bad override fails in
/// a second rather than after the base models.
/// </summary>
public sealed record MethodPlan(IReadOnlyList<(IUnlearningMethod Method, object HyperParameters)> Steps)
{
    public static MethodPlan Resolve(ExperimentSpec spec, PredictionTask task)
    {
        var keys = spec.Methods
            .SelectMany(k => string.Equals(k, "all", StringComparison.OrdinalIgnoreCase) ? MethodRegistry.Keys : [k])
            .Where(k => !string.Equals(k, "none", StringComparison.OrdinalIgnoreCase));
        // One run per method: a key named twice would write the same result file from two jobs.
        var methods = keys.Select(MethodRegistry.Get).Distinct().ToArray();
        var variant = UnlearningVariants.Of(task);
        // Quirks first, so that an override of the same parameter (--params, then --set) still wins.
        var records = HyperParameterOverrides.Apply(MethodRegistry.Defaults(variant), spec.Quirks.Assignments(variant));
        if (!string.IsNullOrWhiteSpace(spec.ParameterJson)) records = HyperParameterOverrides.ApplyJson(records, spec.ParameterJson);
        records = HyperParameterOverrides.Apply(records, spec.Overrides);
        return new MethodPlan(methods.Select(m => (m, records[m.Key])).ToArray());
    }
}
