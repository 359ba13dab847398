using Lethe.Models;
using Lethe.Unlearning;

namespace Lethe.Experiments;

/// <summary>
/// The methods a spec asks for, in order, each with its hyper-parameters: the variant's defaults, then the spec's
/// reference quirks, then the overrides. Resolved from the spec alone (<see cref="ExperimentSpec.Validate"/> does it),
/// so an unknown method, a bad override or a value a method would refuse fails in a second rather than after the data
/// is built and the base models trained.
/// </summary>
public sealed record MethodPlan(IReadOnlyList<(IUnlearningMethod Method, object HyperParameters)> Steps)
{
    /// <exception cref="ArgumentException">An unknown method or parameter, a bad value (named), or a --set override for
    /// a method that does not run.</exception>
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
        // A --params file may set methods not run here: one file of a study's settings serves every subset of it.
        if (!string.IsNullOrWhiteSpace(spec.ParameterJson)) records = HyperParameterOverrides.ApplyJson(records, spec.ParameterJson);
        records = RunOnly(methods, records, HyperParameterOverrides.Apply(records, spec.Overrides), "--set");
        var steps = methods.Select(m => (m, records[m.Key])).ToArray();
        foreach (var (method, hyper) in steps) method.Validate(hyper);
        return new MethodPlan(steps);
    }

    /// <summary>
    /// <paramref name="after"/>, unless it overrides a method that does not run: that override would change nothing, and
    /// saying so catches a method left out of --methods or a key meant for another. Overrides copy the record they
    /// change (<see cref="HyperParameterOverrides"/>), so a changed reference is an overridden method.
    /// </summary>
    private static IReadOnlyDictionary<string, object> RunOnly(IReadOnlyList<IUnlearningMethod> methods,
        IReadOnlyDictionary<string, object> before, IReadOnlyDictionary<string, object> after, string option)
    {
        var idle = after.Keys.Where(k => !ReferenceEquals(before[k], after[k])
            && !methods.Any(m => string.Equals(m.Key, k, StringComparison.OrdinalIgnoreCase))).ToArray();
        if (idle.Length > 0)
            throw new ArgumentException($"{option} overrides {string.Join(", ", idle)}, but the methods run are: "
                + (methods.Count == 0 ? "none" : string.Join(", ", methods.Select(m => m.Key))) + "; add it to --methods or drop the override");
        return after;
    }
}
