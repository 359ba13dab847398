namespace Lethe.Reports.Plots;

/// <summary>A figure written as PNG and SVG, with the PNG's bytes kept so a report can embed it without rereading.</summary>
public sealed record PlotImage(string Name, string Title, string Caption, string PngPath, string SvgPath, byte[] Png);
