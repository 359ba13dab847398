using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>
/// The house style of every Lethe figure: 800×500, a sans-serif font large enough to read on a slide or in a
/// screenshot, labelled axes; and saving a figure as PNG and SVG side by side.
/// </summary>
internal static class Figure
{
    public const int Width = 800;
    public const int Height = 500;

    /// <summary>
    /// A sans-serif face that is installed. ScottPlot's Fonts.Sans picks a serif face on Linux without fontconfig
    /// (SkiaSharp's NoDependencies build), so the common ones are tried by name first.
    /// </summary>
    private static readonly string FontName =
        new[] { "DejaVu Sans", "Liberation Sans", "Arial", "Helvetica" }.FirstOrDefault(SkiaSharp.SKFontManager.Default.FontFamilies.Contains)
        ?? Fonts.Sans;

    public static Plot Create(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Title(title, 18);
        plot.XLabel(xLabel, 15);
        plot.YLabel(yLabel, 15);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>Writes name.png and name.svg into <paramref name="directory"/> atomically.</summary>
    public static PlotImage Save(Plot plot, string directory, string name, string title, string caption)
    {
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        var svg = plot.GetSvgXml(Width, Height);
        var pngPath = Path.Combine(directory, name + ".png");
        var svgPath = Path.Combine(directory, name + ".svg");
        IO.AtomicFile.WriteAllBytes(pngPath, png);
        IO.AtomicFile.WriteAllText(svgPath, svg);
        return new PlotImage(name, title, caption, pngPath, svgPath, png);
    }

    /// <summary>One colour per model column, the same in every figure.</summary>
    public static Color ColorOf(int column) => new ScottPlot.Palettes.Category10().GetColor(column);
}
