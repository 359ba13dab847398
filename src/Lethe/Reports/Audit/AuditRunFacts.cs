namespace Lethe.Reports.Audit;

/// <summary>How an audit's report came about: the command, its wall time, and the cells it made or found done.</summary>
/// <param name="Command">The command line.</param>
/// <param name="WallSeconds">Wall time of this invocation (planning, training, scoring, reports).</param>
/// <param name="Made">Cells made by this invocation.</param>
/// <param name="Skipped">Cells already done (by an earlier or concurrent run) and reused.</param>
/// <param name="Store">The results store.</param>
public sealed record AuditRunFacts(string Command, double WallSeconds, int Made, int Skipped, string Store);
