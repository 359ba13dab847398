using System.Reflection;
using Lethe.Training;

namespace Lethe.Experiments;

/// <summary>
/// A reference quirk that shaped some of a run's models, with the models' labels: what reports list, whichever way the
/// quirk was turned on (a preset, `--quirks`, or a `--set` of its hyper-parameter).
/// </summary>
/// <param name="Key">The quirk's <see cref="ReferenceQuirk.Key"/>.</param>
/// <param name="Description">What the reference did (<see cref="ReferenceQuirk.Description"/>).</param>
/// <param name="Models">Report labels of the models it shaped, in run order.</param>
public sealed record QuirkInForce(string Key, string Description, IReadOnlyList<string> Models)
{
    /// <summary>
    /// The quirks in force in a run of <paramref name="plan"/> with base recipes <paramref name="recipes"/>; Original is
    /// left out when it was given (<paramref name="originalGiven"/>), since nothing trained it here. Empty: principled.
    /// </summary>
    public static IReadOnlyList<QuirkInForce> Of(MethodPlan plan, BaseRecipes recipes, bool originalGiven) =>
        ReferenceQuirk.All
            .Select(q => new QuirkInForce(q.Key, q.Description, ShapedBy(q, plan, recipes, originalGiven).ToArray()))
            .Where(q => q.Models.Count > 0)
            .ToArray();

    /// <summary>
    /// One line for logs and report headers: each quirk with the models it shaped, "none (principled)" when there is
    /// none, or "not recorded" for a run stored before Lethe recorded them (null).
    /// </summary>
    public static string Describe(IReadOnlyList<QuirkInForce>? quirks) => quirks switch
    {
        null => "not recorded (the run was stored before Lethe recorded them)",
        [] => "none (principled)",
        _ => string.Join("; ", quirks.Select(q => $"{q.Description}: {string.Join(", ", q.Models)}")),
    };

    private static IEnumerable<string> ShapedBy(ReferenceQuirk quirk, MethodPlan plan, BaseRecipes recipes, bool originalGiven)
    {
        if (quirk.BaseModels && recipes.Original.EpochReseedQuirk && !originalGiven) yield return "Original";
        if (quirk.BaseModels && recipes.Retrained.EpochReseedQuirk) yield return "Retrained";
        foreach (var (method, hyper) in plan.Steps)
            if (IsOn(hyper, quirk.Parameter))
                foreach (var label in method.LabelsFor(hyper)) yield return label;
    }

    /// <summary>The record's boolean <paramref name="parameter"/> (override spelling); false when it has none.</summary>
    private static bool IsOn(object hyper, string parameter) =>
        hyper.GetType().GetProperty(parameter, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?.GetValue(hyper) is true;
}
