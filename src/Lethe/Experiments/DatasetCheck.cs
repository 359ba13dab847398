using Lethe.Data;
using Lethe.Data.Checks;
using Lethe.Evaluation;

namespace Lethe.Experiments;

/// <summary>
/// `lethe datasets check`: a dataset folder judged as the benchmark would use it. The dataset's own check
/// (<see cref="IFolderDataset.Check"/>) cuts the sets with the run's options and rules; this adds what
/// the run says before it trains: the sets the attack will compare and its warning (too few images for its splits, or
/// for a stable A). So the check never calls usable what the run refuses, and warns of what the run warns of.
/// </summary>
public static class DatasetCheck
{
    /// <summary>The dataset a folder holds, told by its files (<see cref="DatasetRegistry.DatasetAt"/>): MUFAC's CSV
    /// makes it "mufac", else CelebAMask-HQ/ makes it "mucac", else "mufac", whose check names the missing files.</summary>
    public static string DatasetAt(string root) => DatasetRegistry.Default.DatasetAt(root).Names[0];

    /// <summary>Checks <paramref name="spec"/>'s folder with its forget choice, seed and identity splits.</summary>
    /// <exception cref="ArgumentException">An option that does not apply to the dataset, as the run refuses it, or a
    /// built-in dataset, which has no folder to check.</exception>
    public static DatasetCheckReport Run(ExperimentSpec spec, int nearDistance = DuplicateFinder.DefaultNearDistance)
    {
        var request = spec.DataRequest();
        var report = DatasetRegistry.Default.Validate(request) is IFolderDataset dataset
            ? dataset.Check(request, nearDistance)
            : throw new ArgumentException($"{spec.Dataset} is built in: there is no folder to check");
        return WithAttack(report, spec.EvaluationOptions().Attack);
    }

    private static DatasetCheckReport WithAttack(DatasetCheckReport report, MembershipInferenceOptions attack)
    {
        int Rows(string set) => report.Counts.Single(c => c.Set == set).Rows;
        var (forget, unseen) = (Rows("forget"), Rows("unseen"));
        if (forget == 0 || unseen == 0) return report; // SplitRules has said so, as an error
        var balance = AttackBalance.Plan(forget, unseen, attack.ReferenceImbalanceTolerance);
        var problems = SmallAttackWarning.Before(balance, attack) is { } warning
            ? CheckProblem.InReportOrder([.. report.Problems, new CheckProblem(CheckSeverity.Warning, warning)])
            : report.Problems;
        return report with { Attack = balance.Line(attack.ReferenceImbalanceTolerance), Problems = problems };
    }
}
