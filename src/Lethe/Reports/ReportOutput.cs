using Lethe.Reports.Plots;

namespace Lethe.Reports;

/// <summary>What `lethe report` wrote: the report file, and the figures if the format shows any.</summary>
public sealed record ReportOutput(string Path, int Seeds, PlotSet? Plots);
