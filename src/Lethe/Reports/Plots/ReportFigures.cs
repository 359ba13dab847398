namespace Lethe.Reports.Plots;

/// <summary>The figures of one report, drawn as files; each kind of report has its own set, all of them images.</summary>
public abstract record ReportFigures
{
    /// <summary>Every image, in the order a report shows them.</summary>
    public abstract IEnumerable<PlotImage> All { get; }
}
