using Lethe.Models;
using Lethe.Unlearning;

namespace Lethe.Experiments;

/// <summary>
/// The methods a spec asks for, in order, each with its hyper-parameters after the overrides: resolved before any
/// training, so an unknown method or a bad override fails in a second rather than after the base models.
/// </summary>
public sealed record MethodPlan(IReadOnlyList<(IUnlearningMethod Method, object HyperParameters)> Steps)
{
    public static MethodPlan Resolve(ExperimentSpec spec, PredictionTask task)
    {
        var keys = spec.Methods.Count == 1 && string.Equals(spec.Methods[0], "all", StringComparison.OrdinalIgnoreCase)
            ? MethodRegistry.Keys
            : spec.Methods;
        var methods = keys.Select(MethodRegistry.Get).ToArray();
        var records = MethodRegistry.Defaults(UnlearningVariants.Of(task));
        if (!string.IsNullOrWhiteSpace(spec.ParameterJson)) records = HyperParameterOverrides.ApplyJson(records, spec.ParameterJson);
        records = HyperParameterOverrides.Apply(records, spec.Overrides);
        return new MethodPlan(methods.Select(m => (m, records[m.Key])).ToArray());
    }
}
