using Lethe.Experiments;

namespace Lethe.Reports;

/// <summary>Every warning a report prints above its numbers: the environment's, then the attack's.</summary>
public static class ReportWarnings
{
    public static IReadOnlyList<string> Of(IReadOnlyList<RunRecord> runs) =>
        [.. EnvironmentWarnings.Of(runs), .. AttackWarnings.Of(runs)];
}
