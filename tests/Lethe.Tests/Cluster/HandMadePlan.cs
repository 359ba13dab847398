using Lethe.Plans;
using Lethe.Tests.Experiments;
using Lethe.Audit;
using Lethe.Experiments;

namespace Lethe.Tests.Cluster;

/// <summary>
/// A plan written by hand in the shape of a fixed-original audit with N = 3 and one method (no data built, nothing
/// trained): original-s42; retrained-s42…s44; finetune-s42…s44 on the Original; score on all seven.
/// </summary>
public static class HandMadePlan
{
    public static Plan Create(string root)
    {
        var cells = new List<Cell>();
        Cell Add(CellRole role, string name, long? seed, params string[] dependsOn)
        {
            var cell = new Cell(cells.Count, $"id{cells.Count:D2}-{name}", role, name, seed, role == CellRole.Unlearned ? "finetune" : null,
                role == CellRole.Unlearned ? "{}" : null, dependsOn);
            cells.Add(cell);
            return cell;
        }
        var original = Add(CellRole.Original, "original-s42", 42);
        for (var seed = 42; seed < 45; seed++) Add(CellRole.Retrained, $"retrained-s{seed}", seed);
        for (var seed = 42; seed < 45; seed++) Add(CellRole.Unlearned, $"finetune-s{seed}", seed, original.Id);
        Add(CellRole.Score, "score", null, cells.Select(c => c.Id).ToArray());
        var spec = TinyRun.Spec(Path.Combine(root, "out"), Path.Combine(root, "cache"), ["finetune"]) with { Threads = 1, Jobs = 2 };
        return new Plan("audit", AuditMode.FixedOriginal, 3, spec, "synthetic-fingerprint", cells) { Store = Path.Combine(root, "store") };
    }

    /// <summary>Marks a cell done the way <see cref="CellRunner"/> does, without making anything.</summary>
    public static void MarkDone(CellStore store, Cell cell) =>
        store.MarkDone(new CellDone(cell.Id, cell.Name, cell.Role, cell.Method, [], 1.5, 72, DateTimeOffset.UtcNow, Environment.MachineName), cell);
}
