using Lethe.Experiments;
using Lethe.Plans;

namespace Lethe.Cluster;

/// <summary>
/// A plan file as a worker meets it: read, checked for what a worker relies on (a spec, cells at their indices, inputs
/// that are cells of the plan and come before, and cells that are what its spec gives), and its results store located.
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
        RequireCellsOfSpec(path, plan);
        return plan;
    }

    /// <summary>
    /// A plan's cells must be what its spec gives: planned again from the file's spec, data fingerprints and kind (nothing
    /// is built or read but the file), they must come out the same, id for id. A hand edit of the spec (more epochs,
    /// another λ) would otherwise run the edited spec under ids that promise the old one, and mix its models into a
    /// store with the old one's.
    /// </summary>
    private static void RequireCellsOfSpec(string path, Plan plan)
    {
        const string Again = "the plan was edited after it was written, or by another version of Lethe; write it again with `lethe plan`";
        IReadOnlyList<Cell> expected;
        try
        {
            expected = Replan(plan).Cells;
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or KeyNotFoundException)
        {
            throw new InvalidDataException($"{path}: its spec does not give a plan ({e.Message}); {Again}");
        }
        for (var i = 0; i < Math.Min(expected.Count, plan.Cells.Count); i++)
        {
            var (cell, wanted) = (plan.Cells[i], expected[i]);
            if (!Same(cell, wanted))
                throw new InvalidDataException($"{path}: cell {i} ({cell.Name}, id {cell.Id}) is not what the plan's spec gives ({wanted.Name}, id {wanted.Id}); {Again}");
        }
        if (expected.Count != plan.Cells.Count)
            throw new InvalidDataException($"{path}: the plan's spec gives {expected.Count} cells, the file holds {plan.Cells.Count}; {Again}");
    }

    private static Plan Replan(Plan plan)
    {
        var methods = MethodPlan.Resolve(plan.Spec, plan.Spec.Task());
        if (plan.Kind == Plan.AuditKind) return AuditPlanner.Build(plan.Spec, plan.Mode, plan.N, methods, plan.DataFingerprint);
        if (plan.Kind != Plan.BenchmarkKind) throw new InvalidDataException($"kind '{plan.Kind}' is neither {Plan.AuditKind} nor {Plan.BenchmarkKind}");
        var fingerprints = plan.DataFingerprints ?? new Dictionary<long, string> { [plan.Spec.Seed] = plan.DataFingerprint };
        var given = plan.Cells.FirstOrDefault(c => c.Role == CellRole.Original)?.GivenSha256;
        return BenchmarkPlanner.Build(plan.Spec, plan.Sweep, methods, fingerprints, given);
    }

    private static bool Same(Cell a, Cell b) =>
        a.Index == b.Index && a.Id == b.Id && a.Role == b.Role && a.Name == b.Name && a.Seed == b.Seed && a.Method == b.Method
        && a.HyperParameters == b.HyperParameters && a.DependsOn.SequenceEqual(b.DependsOn) && a.DataSeed == b.DataSeed
        && a.GivenSha256 == b.GivenSha256;

    /// <summary>The store the plan's cells go to: the one recorded in the plan, else <c>&lt;cache&gt;/cells</c>, unless
    /// <paramref name="overrideDirectory"/> is given.</summary>
    public static CellStore StoreOf(Plan plan, string? overrideDirectory = null) =>
        new(overrideDirectory ?? plan.Store ?? Path.Combine(plan.Spec.CacheDirectory, "cells"));
}
