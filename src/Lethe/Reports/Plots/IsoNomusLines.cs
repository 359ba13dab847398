using System.Globalization;
using ScottPlot;

namespace Lethe.Reports.Plots;

/// <summary>
/// Lines of equal NoMUS = λ·Acc + (1 − λ)·(1 − 2F) in the (F, Acc) plane: Acc = (c − (1 − λ)(1 − 2F)) / λ, straight
/// lines rising to the right (vertical when λ = 0). They are drawn at round values across the visible box.
/// </summary>
internal static class IsoNomusLines
{
    public static void Draw(Plot plot, double lambda, AxisLimits box)
    {
        double low = Nomus(lambda, box.Right, box.Bottom);
        double high = Nomus(lambda, box.Left, box.Top);
        double step = high - low > 0.5 ? 0.1 : high - low > 0.2 ? 0.05 : 0.02;
        var labels = new List<Coordinates>();
        for (double c = Math.Ceiling(low / step) * step; c <= high; c += step)
            if (Segment(lambda, c, box) is { } segment)
            {
                bool room = segment.To.X - box.Left > LabelWidth * box.HorizontalSpan && !labels.Any(l => Overlaps(l, segment.To, box));
                if (room) labels.Add(segment.To);
                DrawOne(plot, segment, c, room);
            }
    }

    /// <summary>Two labels anchored this close would print over each other (steep lines crowd the top edge).</summary>
    private static bool Overlaps(Coordinates a, Coordinates b, AxisLimits box) =>
        Math.Abs(a.X - b.X) < LabelWidth * box.HorizontalSpan && Math.Abs(a.Y - b.Y) < 0.06 * box.VerticalSpan;

    public static double Nomus(double lambda, double f, double accuracy) => lambda * accuracy + (1 - lambda) * (1 - 2 * f);

    /// <summary>The part of the line NoMUS = c inside the box, or null if it misses it.</summary>
    private static (Coordinates From, Coordinates To)? Segment(double lambda, double c, AxisLimits box)
    {
        if (lambda == 0)
        {
            double x = (1 - c) / 2;
            return x >= box.Left && x <= box.Right ? (new(x, box.Bottom), new(x, box.Top)) : null;
        }
        double AccuracyAt(double f) => (c - (1 - lambda) * (1 - 2 * f)) / lambda;
        double slope = 2 * (1 - lambda) / lambda;
        double FAt(double accuracy) => slope == 0 ? double.NaN : box.Left + (accuracy - AccuracyAt(box.Left)) / slope;
        double from = slope == 0 ? box.Left : Math.Max(box.Left, FAt(box.Bottom));
        double to = slope == 0 ? box.Right : Math.Min(box.Right, FAt(box.Top));
        if (slope == 0 && (c < box.Bottom || c > box.Top) || from >= to) return null;
        return (new(from, AccuracyAt(from)), new(to, AccuracyAt(to)));
    }

    /// <summary>About the width of "NoMUS 0.55" as a share of the plot's width.</summary>
    private const double LabelWidth = 0.17;

    /// <summary>
    /// Every label sits left of its line's upper end, where neighbouring lines (evenly spaced) leave room; a line too
    /// close to the left edge for its label goes unlabelled rather than have its label cut.
    /// </summary>
    private static void DrawOne(Plot plot, (Coordinates From, Coordinates To) segment, double c, bool labelled)
    {
        var line = plot.Add.Line(segment.From, segment.To);
        line.LineColor = Colors.Gray.WithAlpha(0.6);
        line.LinePattern = LinePattern.Dashed;
        line.LineWidth = 1.2f;
        if (!labelled) return;
        var label = plot.Add.Text($"NoMUS {c.ToString("F2", CultureInfo.InvariantCulture)}", segment.To);
        label.LabelFontSize = 12;
        label.LabelFontColor = Colors.Gray;
        label.LabelAlignment = Alignment.UpperRight;
        label.OffsetX = -4;
    }
}
