using Lethe.Evaluation;
using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>
/// The warning a report prints when the attack compared few images: with under 100 a side each split tests a handful
/// of rows, and A moves from split to split by more than methods differ. The warning gives that spread as measured.
/// </summary>
public static class AttackWarnings
{
    public static IReadOnlyList<string> Of(IReadOnlyList<RunRecord> runs)
    {
        var small = runs.SelectMany(r => r.Models).Where(m => !m.Diverged)
            .Select(m => m.Evaluation.Attack).OfType<AttackStatistics>().Where(a => a.SmallSet).ToArray();
        if (small.Length == 0) return [];
        return [SmallAttackWarning.Text(small.Min(a => a.Balance.SmallerSide), small[0].SmallSetThreshold, small[0].Splits,
            small.Select(a => a.SplitAccuracySd).Where(double.IsFinite).ToArray())];
    }
}
