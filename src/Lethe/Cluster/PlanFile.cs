using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// A plan file as a worker meets it: read, checked for what a worker relies on (a spec, cells at their indices, inputs
/// that are cells of the plan and come before), and its results store located.
/// </summary>
public static class PlanFile
{
    /// <summary>Reads and checks the plan at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not a plan, or an inconsistent one (the message names the file).</exception>
    public static Plan Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such plan file");
        var plan = Plan.Read(path);
        if (plan.Spec is null) throw new InvalidDataException($"{path}: not a Lethe plan (no spec)");
        if (string.IsNullOrEmpty(plan.DataFingerprint)) throw new InvalidDataException($"{path}: not a Lethe plan (no data fingerprint)");
        var seen = new HashSet<string>();
        for (var i = 0; i < plan.Cells.Count; i++)
        {
            var cell = plan.Cells[i];
            if (cell is null || cell.Index != i || string.IsNullOrEmpty(cell.Id) || cell.DependsOn is null)
                throw new InvalidDataException($"{path}: cell {i} is damaged (its index, id or inputs are missing or wrong)");
            if (cell.DependsOn.FirstOrDefault(id => !seen.Contains(id)) is { } unknown)
                throw new InvalidDataException($"{path}: cell {i} ({cell.Name}) reads {unknown}, which is not an earlier cell of the plan");
            if (!seen.Add(cell.Id)) throw new InvalidDataException($"{path}: cell {i} ({cell.Name}) repeats the id {cell.Id}");
        }
        return plan;
    }

    /// <summary>The store the plan's cells go to: the one recorded in the plan, else <c>&lt;cache&gt;/cells</c>, unless
    /// <paramref name="overrideDirectory"/> is given.</summary>
    public static CellStore StoreOf(Plan plan, string? overrideDirectory = null) =>
        new(overrideDirectory ?? plan.Store ?? Path.Combine(plan.Spec.CacheDirectory, "cells"));
}
