using System.Globalization;
using Lethe.Plans;
using Spectre.Console;

namespace Lethe.Cli.Rendering;

/// <summary>A plan's estimated wall time and how each kind of cell was timed, as `lethe audit` and `lethe plan benchmark --estimate` print it.</summary>
internal static class CostLines
{
    public static void PrintEstimate(this IAnsiConsole console, Plan plan, PlanCost cost)
    {
        console.WriteLine(Estimate(plan, cost));
        foreach (var line in cost.Basis) console.MarkupLine($"[grey]  {Markup.Escape(line)}[/]");
    }

    /// <summary>"estimated time: 0:03:12 with 1 jobs × 2 threads"; the basis lines are <see cref="PlanCost.Basis"/>.</summary>
    public static string Estimate(Plan plan, PlanCost cost)
    {
        var estimate = TimeSpan.FromSeconds(cost.EstimatedSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"estimated time: {(int)estimate.TotalHours}:{estimate.Minutes:00}:{estimate.Seconds:00} with {plan.Spec.EffectiveJobs} jobs × {plan.Spec.EffectiveThreads} threads");
    }
}
